import "server-only";
import type { Socket } from "socket.io";
import type { Actor } from "@/lib/domain/access";
import { PRESENCE_EVENTS, presenceWatchSchema, type PresenceWatchAck } from "@/lib/domain/presence";
import type { WatchedRequest } from "./presence-registry";
import { getPresenceStore } from "./presence-store";
import { publishPresenceChanged } from "./publish";

/** The site of a request the actor may see, or null; injected so that realtime never touches the db. */
export type FindWatchableRequest = (actor: Actor, requestId: string) => Promise<{ siteId: string } | null>;

/**
 * A tab says which requests it shows (`presence:watch`, the whole set each time). Each id is
 * checked against the actor's scope before anyone hears of it; an id outside it is dropped
 * silently, like a missing one. Only the latest declaration of a socket applies, even when
 * an earlier one's checks finish later.
 */
export function handlePresence(socket: Socket, actor: Actor, findWatchableRequest: FindWatchableRequest): void {
  const store = getPresenceStore();
  let generation = 0;
  // The store is written one declaration at a time per socket, in the order they were checked:
  // a shared store's writes would otherwise race, and the last declaration must win.
  let writes: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(write: () => Promise<T>): Promise<T> => {
    const done = writes.then(write);
    writes = done.catch(() => undefined);
    return done;
  };
  const viewer = { userId: actor.id, displayName: actor.displayName, role: actor.role };
  const announce = (changed: readonly WatchedRequest[]) => {
    for (const { requestId, siteId } of changed) publishPresenceChanged(requestId, siteId);
  };

  socket.on(PRESENCE_EVENTS.watch, (payload: unknown, ack?: unknown) => {
    // The optional acknowledgement says which of the ids are now counted.
    const reply = typeof ack === "function" ? (ack as (answer: PresenceWatchAck) => void) : () => undefined;
    const parsed = presenceWatchSchema.safeParse(payload);
    if (!parsed.success) return reply({ watching: [] });
    const current = ++generation;
    const ids = [...new Set(parsed.data.requestIds)];
    void Promise.all(ids.map((requestId) => findWatchableRequest(actor, requestId).then((found) => (found ? { requestId, siteId: found.siteId } : null))))
      .then((found) => {
        if (current !== generation || socket.disconnected) return reply({ watching: [] });
        const allowed = found.filter((entry): entry is WatchedRequest => entry !== null);
        return inOrder(async () => {
          // A later declaration or the disconnect, checked meanwhile, wins.
          if (current !== generation) return reply({ watching: [] });
          announce(await store.watch(socket.id, viewer, parsed.data.mode, allowed));
          reply({ watching: allowed.map((entry) => entry.requestId) });
        });
      })
      .catch((error: unknown) => {
        console.error("[realtime] presence check failed:", error);
        reply({ watching: [] });
      });
  });

  socket.on("disconnect", () => {
    generation++;
    void inOrder(() => store.removeSocket(socket.id))
      .then(announce)
      .catch((error: unknown) => console.error("[realtime] presence removal failed:", error));
  });
}

import "server-only";
import type { Socket } from "socket.io";
import type { Actor } from "@/lib/domain/access";
import { PRESENCE_EVENTS, presenceWatchSchema, type PresenceWatchAck } from "@/lib/domain/presence";
import { getPresenceRegistry, type WatchedRequest } from "./presence-registry";
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
  const registry = getPresenceRegistry();
  let generation = 0;
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
        announce(registry.watch(socket.id, viewer, parsed.data.mode, allowed));
        reply({ watching: allowed.map((entry) => entry.requestId) });
      })
      .catch((error: unknown) => console.error("[realtime] presence check failed:", error));
  });

  socket.on("disconnect", () => {
    generation++;
    announce(registry.removeSocket(socket.id));
  });
}

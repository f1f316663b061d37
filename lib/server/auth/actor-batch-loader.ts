import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../db/client";
import type { ResolveActor } from "./actor-from-cookie";
import { loadActors } from "./load-actor";
import type { CheckSession } from "./sessions/session-checker";

/**
 * Batches the actor lookups of requests that arrive together (a live worklist update makes
 * every connected client refetch at once) into one query per event-loop turn. Every request
 * still reads the user fresh from the database: nothing is cached across turns.
 */
export function createActorBatchLoader(db: Db, checkSession: CheckSession): ResolveActor {
  let pending: Map<string, { resolve: (actor: Actor | null) => void; reject: (error: unknown) => void }[]> | null = null;

  const flush = (batch: NonNullable<typeof pending>) => {
    loadActors(db, [...batch.keys()]).then(
      (actors) => {
        for (const [userId, waiters] of batch) for (const waiter of waiters) waiter.resolve(actors.get(userId) ?? null);
      },
      (error: unknown) => {
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
      },
    );
  };

  const load = (userId: string): Promise<Actor | null> =>
    new Promise((resolve, reject) => {
      if (!pending) {
        const batch = new Map<string, { resolve: (actor: Actor | null) => void; reject: (error: unknown) => void }[]>();
        pending = batch;
        setImmediate(() => {
          pending = null;
          flush(batch);
        });
      }
      const waiters = pending.get(userId) ?? [];
      waiters.push({ resolve, reject });
      pending.set(userId, waiters);
    });

  // A cookie's session must be live for its user to count; a cookie that names no session (one
  // from before server-side sessions) counts as none. Both are read in the same turn.
  return async (userId, session) => {
    if (session === undefined) return load(userId);
    if (session.id === null) return null;
    const [live, actor] = await Promise.all([checkSession(session.id, userId), load(userId)]);
    return live ? actor : null;
  };
}

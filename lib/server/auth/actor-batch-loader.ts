import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../db/client";
import { loadActors } from "./load-actor";

/**
 * Batches the actor lookups of requests that arrive together (a live worklist update makes
 * every connected client refetch at once) into one query per event-loop turn. Every request
 * still reads the user fresh from the database: nothing is cached across turns.
 */
export function createActorBatchLoader(db: Db): (userId: string) => Promise<Actor | null> {
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

  return (userId) =>
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
}

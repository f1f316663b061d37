import "server-only";
import type { Db } from "../db/client";
import type { ResolveActor } from "./actor-from-cookie";
import { batchPerTurn } from "./batch-per-turn";
import { loadActors } from "./load-actor";
import type { CheckSession } from "./sessions/session-checker";

/**
 * Batches the actor lookups of requests that arrive together (a live worklist update makes
 * every connected client refetch at once) into one query per event-loop turn. Every request
 * still reads the user fresh from the database: nothing is cached across turns.
 */
export function createActorBatchLoader(db: Db, checkSession: CheckSession): ResolveActor {
  const load = batchPerTurn((userIds) => loadActors(db, userIds));

  // A cookie's session must be live for its user to count; a cookie that names no session (one
  // from before server-side sessions) counts as none. Both are read in the same turn.
  return async (userId, session) => {
    if (session === undefined) return (await load(userId)) ?? null;
    if (session.id === null) return null;
    const [live, actor] = await Promise.all([checkSession(session.id, userId), load(userId)]);
    return live ? (actor ?? null) : null;
  };
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import { sessionReach, type SessionReach, type StrongAuthPolicy } from "@/lib/domain/strong-authentication";
import type { Db } from "../db/client";
import type { ResolveActor } from "./actor-from-cookie";
import { batchPerTurn } from "./batch-per-turn";
import { loadActors } from "./load-actor";
import type { CheckSession, LiveSession } from "./sessions/session-checker";

/** A live session with its actor, and what the strong-authentication policy lets it reach. */
export interface ResolvedSession {
  actor: Actor;
  session: LiveSession;
  reach: SessionReach;
}

export type ResolveSession = (userId: string, sessionId: string) => Promise<ResolvedSession | null>;

/**
 * Batches the actor lookups of requests that arrive together (a live worklist update makes
 * every connected client refetch at once) into one query per event-loop turn. Every request
 * still reads the user fresh from the database: nothing is cached across turns.
 *
 * `resolveActor` gives an actor only to a session with full reach: a password-only session
 * that must enrol a second factor first is nobody to DICOMweb, the socket and every procedure
 * but the enrolment ones, which read `resolveSession` (tRPC context).
 */
export function createActorResolvers(db: Db, checkSession: CheckSession, policy: StrongAuthPolicy): { resolveActor: ResolveActor; resolveSession: ResolveSession } {
  const load = batchPerTurn((userIds) => loadActors(db, userIds));

  const resolveSession: ResolveSession = async (userId, sessionId) => {
    const [session, actor] = await Promise.all([checkSession(sessionId, userId), load(userId)]);
    if (!session || !actor) return null;
    // The role read with the session and the actor's may differ by a change in between; the actor's is current.
    return { actor, session, reach: sessionReach(actor.role, session.method, policy) };
  };

  // A cookie's session must be live for its user to count; a cookie that names no session (one
  // from before server-side sessions) counts as none. Both are read in the same turn.
  const resolveActor: ResolveActor = async (userId, session) => {
    if (session === undefined) return (await load(userId)) ?? null;
    if (session.id === null) return null;
    const resolved = await resolveSession(userId, session.id);
    return resolved?.reach === "FULL" ? resolved.actor : null;
  };
  return { resolveActor, resolveSession };
}

export function createActorBatchLoader(db: Db, checkSession: CheckSession, policy: StrongAuthPolicy): ResolveActor {
  return createActorResolvers(db, checkSession, policy).resolveActor;
}

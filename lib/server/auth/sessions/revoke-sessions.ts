import "server-only";
import type { Db, Tx } from "../../db/client";
import { announceSessionsRevoked } from "./session-events";

export type RevocationReason = "SIGN_OUT" | "DEACTIVATED" | "PASSWORD_CHANGED" | "RIGHTS_CHANGED" | "ADMIN";

/** Ends one session (sign-out). Idempotent. */
export async function revokeSession(db: Db | Tx, sessionId: string, reason: RevocationReason, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  announceSessionsRevoked({ sessionIds: [sessionId], userIds: [] });
}

/**
 * Ends every open session of a user, within the caller's transaction: the change that calls
 * for it (a deactivation, new rights) and the end of the sessions commit together. Sockets
 * are closed by `announce` once the caller has committed.
 */
export async function revokeUserSessions(tx: Tx, userId: string, reason: RevocationReason, now = new Date()): Promise<{ announce: () => void }> {
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  return { announce: () => announceSessionsRevoked({ sessionIds: [], userIds: [userId] }) };
}

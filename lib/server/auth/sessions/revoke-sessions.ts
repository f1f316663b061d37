import "server-only";
import type { Db, Tx } from "../../db/client";
import { announceSessionsRevoked } from "./session-events";

export type RevocationReason = "SIGN_OUT";

/** Ends one session (sign-out). Idempotent. */
export async function revokeSession(db: Db | Tx, sessionId: string, reason: RevocationReason, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  announceSessionsRevoked({ sessionIds: [sessionId] });
}

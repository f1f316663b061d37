import "server-only";
import type { Db, Tx } from "../../db/client";
import { announceSessionsRevoked } from "./session-events";

// REPLACED: a new sign-in in the same browser (a step-up at the OpenID provider) took its place.
export type RevocationReason = "SIGN_OUT" | "REPLACED";

/** Ends one session (sign-out). Idempotent. */
export async function revokeSession(db: Db | Tx, sessionId: string, reason: RevocationReason, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  announceSessionsRevoked({ sessionIds: [sessionId] });
}

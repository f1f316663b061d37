import "server-only";
import type { Db, Tx } from "../../db/client";
import { discardReaderMeasurements } from "../../services/report-measurements/discard-reader-measurements";
import { announceSessionsRevoked } from "./session-events";

// REPLACED: a new sign-in in the same browser (a step-up at the OpenID provider) took its place.
export type RevocationReason = "SIGN_OUT" | "REPLACED" | "DEACTIVATED" | "PASSWORD_CHANGED" | "PASSWORD_RESET" | "RIGHTS_CHANGED" | "ENDED_BY_USER" | "FACTORS_RESET";

/**
 * Ends one session (sign-out). Idempotent. The user's measurements waiting for a report go
 * with it (services/report-measurements): a deliberate sign-out leaves nothing pending.
 */
export async function revokeSession(db: Db | Tx, sessionId: string, reason: RevocationReason, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (session) await discardReaderMeasurements(db, session.userId, reason);
  announceSessionsRevoked({ sessionIds: [sessionId] });
}

/**
 * Ends every live session of a user, but the one named in `keep` (the user changing their own
 * password stays signed in where they did it). Returns the ids ended; call
 * announceSessionsRevoked with them once the transaction has committed, so that sockets are
 * closed only for a change that happened.
 */
export async function revokeUserSessions(tx: Db | Tx, args: { userId: string; reason: RevocationReason; keep?: string | null; now?: Date }): Promise<string[]> {
  const live = await tx.userSession.findMany({
    where: { userId: args.userId, revokedAt: null, ...(args.keep ? { id: { not: args.keep } } : {}) },
    select: { id: true },
  });
  const ids = live.map((session) => session.id);
  if (ids.length > 0) await tx.userSession.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: args.now ?? new Date(), revokedReason: args.reason } });
  // Signed out everywhere: pending report measurements go too. Not when the user stays signed
  // in where they are (`keep`: their own password change), in the middle of their work.
  if (!args.keep) await discardReaderMeasurements(tx, args.userId, args.reason);
  return ids;
}

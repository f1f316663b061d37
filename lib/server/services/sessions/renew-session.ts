import "server-only";
import { sessionExpiry, type SessionExpiry } from "@/lib/domain/session-expiry";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/**
 * "Stay signed in": moves the caller's session's last activity to now, which puts off its idle
 * end (never its absolute end). Conditional on the session still being live at this instant,
 * so a session that ended a moment before stays ended; null then. Audited with the change.
 */
export async function renewSession(args: { db: Db; userId: string; sessionId: string; idleTimeoutMs: number; now: Date }): Promise<SessionExpiry | null> {
  const idleSince = new Date(args.now.getTime() - args.idleTimeoutMs);
  return args.db.$transaction(async (tx) => {
    const renewed = await tx.userSession.updateMany({
      where: { id: args.sessionId, userId: args.userId, revokedAt: null, expiresAt: { gt: args.now }, lastSeenAt: { gt: idleSince } },
      data: { lastSeenAt: args.now },
    });
    if (renewed.count === 0) return null;
    const row = await tx.userSession.findUniqueOrThrow({ where: { id: args.sessionId }, select: { lastSeenAt: true, expiresAt: true } });
    await writeAudit(tx, { actorId: args.userId, action: "SESSION_RENEWED", entityType: "User", entityId: args.userId, detail: { session: args.sessionId } });
    return sessionExpiry(row, args.idleTimeoutMs, args.now);
  });
}

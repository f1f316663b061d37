import "server-only";
import { sessionExpiry, type SessionExpiry } from "@/lib/domain/session-expiry";
import { sessionStatus } from "@/lib/domain/session-validity";
import type { Db } from "../../db/client";

/**
 * When the caller's own session ends, or null when it is over (or not theirs). Reading it is
 * not activity: the browser asks on a timer, and asking must not keep an abandoned tab signed
 * in. No audit row: it says nothing about a patient and changes nothing.
 */
export async function readSessionExpiry(args: { db: Db; userId: string; sessionId: string; idleTimeoutMs: number; now: Date }): Promise<SessionExpiry | null> {
  const row = await args.db.userSession.findFirst({
    where: { id: args.sessionId, userId: args.userId },
    select: { lastSeenAt: true, expiresAt: true, revokedAt: true },
  });
  if (!row || sessionStatus(row, args.now, args.idleTimeoutMs) !== "LIVE") return null;
  return sessionExpiry(row, args.idleTimeoutMs, args.now);
}

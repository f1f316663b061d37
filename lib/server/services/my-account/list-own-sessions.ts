import "server-only";
import type { Actor } from "@/lib/domain/access";
import { sessionStatus } from "@/lib/domain/session-validity";
import type { Db } from "../../db/client";

export interface OwnSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  address: string | null;
  userAgent: string | null;
  method: string;
  current: boolean;
}

/** The user's sessions that still count, newest first, the one asking marked. */
export async function listOwnSessions(args: { db: Db; actor: Actor; sessionId: string | null; idleTimeoutMs: number; now?: Date }): Promise<OwnSession[]> {
  const now = args.now ?? new Date();
  const rows = await args.db.userSession.findMany({
    where: { userId: args.actor.id, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, address: true, userAgent: true, method: true },
  });
  return rows
    .filter((row) => sessionStatus(row, now, args.idleTimeoutMs) === "LIVE")
    .map(({ revokedAt: _revoked, ...row }) => ({ ...row, current: row.id === args.sessionId }));
}

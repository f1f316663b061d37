import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import { announceSessionsRevoked } from "../../auth/sessions/session-events";
import type { Db } from "../../db/client";

/** Ends one of one's own sessions (a forgotten workstation). Another user's session answers like a missing one. */
export async function endOwnSession(args: { db: Db; actor: Actor; sessionId: string }): Promise<{ ended: true }> {
  const { db, actor } = args;
  const session = await db.userSession.findFirst({ where: { id: args.sessionId, userId: actor.id }, select: { id: true } });
  if (!session) throw new AppError("NOT_FOUND", "Session not found");
  await db.$transaction(async (tx) => {
    await tx.userSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: "ENDED_BY_USER" } });
    await writeAudit(tx, { actorId: actor.id, action: "SESSION_ENDED", entityType: "User", entityId: actor.id, detail: { session: session.id } });
  });
  // Its socket, if any, closes now that the change is committed.
  announceSessionsRevoked({ sessionIds: [session.id] });
  return { ended: true };
}

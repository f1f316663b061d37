import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import { acceptNewPassword } from "../../auth/accept-new-password";
import { verifyPassword } from "../../auth/password";
import { revokeUserSessions } from "../../auth/sessions/revoke-sessions";
import { announceSessionsRevoked } from "../../auth/sessions/session-events";
import type { Db } from "../../db/client";

// Someone at an unlocked workstation must not be able to try passwords here either.
const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;

/**
 * Changes one's own password: the current one is asked again, the new one meets the policy,
 * and every other session of the account ends (the one where the change was made stays).
 */
export async function changeOwnPassword(args: { db: Db; actor: Actor; sessionId: string | null; currentPassword: string; newPassword: string; now?: Date }): Promise<{ sessionsEnded: number }> {
  const { db, actor } = args;
  const now = args.now ?? new Date();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const failures = await db.auditLog.count({ where: { actorId: actor.id, action: "PASSWORD_CHANGE_FAILED", at: { gte: since } } });
  if (failures >= MAX_FAILURES) throw new AppError("PASSWORD_CHANGE_LOCKED", "Too many wrong current passwords", { minutes: WINDOW_MINUTES });
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, displayName: true, passwordHash: true } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Account gone");
  if (user.passwordHash === null || !(await verifyPassword(user.passwordHash, args.currentPassword))) {
    await writeAudit(db, { actorId: actor.id, action: "PASSWORD_CHANGE_FAILED", entityType: "User", entityId: actor.id });
    throw new AppError("CURRENT_PASSWORD_WRONG", "Current password is wrong");
  }
  const passwordHash = await acceptNewPassword(args.newPassword, user);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, passwordChangedAt: now } });
    const revoked = await revokeUserSessions(tx, { userId: actor.id, reason: "PASSWORD_CHANGED", keep: args.sessionId, now });
    await writeAudit(tx, { actorId: actor.id, action: "PASSWORD_CHANGED", entityType: "User", entityId: actor.id, detail: { sessionsEnded: revoked.length } });
    return revoked;
  });
  if (ended.length > 0) announceSessionsRevoked({ sessionIds: ended });
  return { sessionsEnded: ended.length };
}

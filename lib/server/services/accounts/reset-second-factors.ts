import "server-only";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import { revokeUserSessions } from "../../auth/sessions/revoke-sessions";
import { announceSessionsRevoked } from "../../auth/sessions/session-events";
import { assertAccountAdmin, type AccountAdminDeps } from "./account-admin-deps";

/**
 * A lost phone or security key, and no recovery code left: the administrator, having checked
 * who is asking (in person, by a call back to a known number), removes every second factor of
 * the account. Its sessions end; at the next sign-in the user enrols again (the role's policy
 * lets a password-only session reach the enrolment page and nothing else).
 */
export async function resetSecondFactors(deps: AccountAdminDeps, input: { userId: string }): Promise<{ removed: { totp: number; passkeys: number; recoveryCodes: number }; sessionsEnded: number }> {
  const { db, actor } = deps;
  assertAccountAdmin(actor);
  const now = deps.now ?? new Date();
  const outcome = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { siteId: true } });
    if (!user) throw new AppError("NOT_FOUND", "Account not found");
    const totp = await tx.totpFactor.deleteMany({ where: { userId: input.userId } });
    const passkeys = await tx.passkey.deleteMany({ where: { userId: input.userId } });
    const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
    const removed = { totp: totp.count, passkeys: passkeys.count, recoveryCodes: recoveryCodes.count };
    if (removed.totp + removed.passkeys + removed.recoveryCodes === 0) return { removed, ended: [] as string[] };
    const ended = await revokeUserSessions(tx, { userId: input.userId, reason: "FACTORS_RESET", now });
    await writeAudit(tx, { actorId: actor.id, action: "SECOND_FACTORS_RESET", entityType: "User", entityId: input.userId, siteId: user.siteId, detail: { ...removed, sessionsEnded: ended.length } });
    return { removed, ended };
  });
  if (outcome.ended.length > 0) announceSessionsRevoked({ sessionIds: outcome.ended });
  return { removed: outcome.removed, sessionsEnded: outcome.ended.length };
}

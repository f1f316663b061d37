import "server-only";
import { AppError } from "@/lib/domain/errors";
import { isInterfaceServiceEmail } from "@/lib/domain/hl7/ris-interface-schema";
import { writeAudit } from "../../audit/write-audit";
import { revokeUserSessions } from "../../auth/sessions/revoke-sessions";
import { announceSessionsRevoked } from "../../auth/sessions/session-events";
import { anotherActiveAdminExists, assertAccountAdmin, type AccountAdminDeps } from "./account-admin-deps";

/**
 * Deactivates an account (its sessions end at once, on HTTP, DICOMweb and socket.io, and its
 * open links stop working) or reactivates it. Nothing is deleted: the account's past actions
 * keep their author.
 */
export async function setAccountActive(deps: AccountAdminDeps, input: { userId: string; active: boolean }): Promise<{ active: boolean; sessionsEnded: number }> {
  const { db, actor } = deps;
  assertAccountAdmin(actor);
  const now = deps.now ?? new Date();
  const ended = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { active: true, role: true, siteId: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", "Account not found");
    // A RIS interface's service user only files orders; an active one could be given a password.
    if (input.active && isInterfaceServiceEmail(user.email)) throw new AppError("BAD_INPUT", "A RIS interface's account never signs in", { field: "active", problem: "INTERFACE_ACCOUNT" });
    if (user.active === input.active) return [];
    if (!input.active) {
      if (input.userId === actor.id) throw new AppError("SELF_DEACTIVATION", "An administrator cannot deactivate their own account");
      if (user.role === "ADMIN" && !(await anotherActiveAdminExists(tx, input.userId))) throw new AppError("LAST_ADMIN", "The last active administrator stays active");
    }
    await tx.user.update({ where: { id: input.userId }, data: { active: input.active, deactivatedAt: input.active ? null : now } });
    const revoked = input.active ? [] : await revokeUserSessions(tx, { userId: input.userId, reason: "DEACTIVATED", now });
    if (!input.active) await tx.accountLink.updateMany({ where: { userId: input.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.active ? "ACCOUNT_REACTIVATED" : "ACCOUNT_DEACTIVATED",
      entityType: "User",
      entityId: input.userId,
      siteId: user.siteId,
      detail: { sessionsEnded: revoked.length },
    });
    return revoked;
  });
  if (ended.length > 0) announceSessionsRevoked({ sessionIds: ended });
  return { active: input.active, sessionsEnded: ended.length };
}

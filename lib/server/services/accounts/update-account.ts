import "server-only";
import type { UpdateAccountInput } from "@/lib/domain/accounts/account-schema";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import { revokeUserSessions } from "../../auth/sessions/revoke-sessions";
import { announceRightsChanged, announceSessionsRevoked } from "../../auth/sessions/session-events";
import { anotherActiveAdminExists, assertAccountAdmin, assertSiteExists, assertUniqueIdentity, type AccountAdminDeps } from "./account-admin-deps";

/**
 * Changes an account's identity, role or site. A new role or site changes everything the user
 * may see: their sessions end, and they sign in again under the new rights.
 */
export async function updateAccount(deps: AccountAdminDeps, input: UpdateAccountInput): Promise<{ updated: true; sessionsEnded: number }> {
  const { db, actor } = deps;
  assertAccountAdmin(actor);
  const { userId } = input;
  const outcome = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { email: true, displayName: true, role: true, siteId: true, rpps: true, active: true } });
    if (!before) throw new AppError("NOT_FOUND", "Account not found");
    await assertUniqueIdentity(tx, input, userId);
    await assertSiteExists(tx, input.siteId);
    if (before.role === "ADMIN" && input.role !== "ADMIN" && before.active && !(await anotherActiveAdminExists(tx, userId))) {
      throw new AppError("LAST_ADMIN", "The last active administrator keeps the role");
    }
    const after = { email: input.email, displayName: input.displayName, role: input.role, siteId: input.siteId, rpps: input.rpps };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]);
    if (changed.length === 0) return { ended: [] as string[] };
    await tx.user.update({ where: { id: userId }, data: after });
    const rightsChanged = changed.includes("role") || changed.includes("siteId");
    const ended = rightsChanged ? await revokeUserSessions(tx, { userId, reason: "RIGHTS_CHANGED" }) : [];
    await writeAudit(tx, {
      actorId: actor.id,
      action: "ACCOUNT_UPDATED",
      entityType: "User",
      entityId: userId,
      siteId: input.siteId,
      detail: { changed, before: pick(before, changed), after: pick(after, changed), sessionsEnded: ended.length },
    });
    return { ended };
  });
  if (outcome.ended.length > 0) {
    announceSessionsRevoked({ sessionIds: outcome.ended });
    announceRightsChanged(userId);
  }
  return { updated: true, sessionsEnded: outcome.ended.length };
}

function pick(values: Record<string, string | null | boolean>, keys: readonly string[]): Record<string, string | null | boolean> {
  return Object.fromEntries(keys.map((key) => [key, values[key] ?? null]));
}

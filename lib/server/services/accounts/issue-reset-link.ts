import "server-only";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import { mailAccountLink } from "./account-link-mail";
import { assertAccountAdmin, type AccountAdminDeps } from "./account-admin-deps";
import { issueAccountLink, type IssuedLink } from "./issue-account-link";

/**
 * A new one-time link for an account: a reset for an account with a password, a fresh
 * activation link for one whose user never set theirs (the first one expired or was lost).
 */
export async function issueResetLink(deps: AccountAdminDeps, input: { userId: string }): Promise<{ link: IssuedLink; mailed: boolean; purpose: "ACTIVATION" | "RESET" }> {
  const { db, actor } = deps;
  assertAccountAdmin(actor);
  const now = deps.now ?? new Date();
  const issued = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, displayName: true, active: true, passwordHash: true, siteId: true } });
    if (!user) throw new AppError("NOT_FOUND", "Account not found");
    if (!user.active) throw new AppError("BAD_INPUT", "Reactivate the account first");
    const purpose = user.passwordHash === null ? ("ACTIVATION" as const) : ("RESET" as const);
    const link = await issueAccountLink(tx, { purpose, userId: input.userId, issuedById: actor.id, baseUrl: deps.baseUrl, now });
    await writeAudit(tx, { actorId: actor.id, action: "ACCOUNT_LINK_ISSUED", entityType: "User", entityId: input.userId, siteId: user.siteId, detail: { purpose, expiresAt: link.expiresAt.toISOString() } });
    return { link, purpose, to: { email: user.email, displayName: user.displayName } };
  });
  const mailed = await mailAccountLink(deps.mailer, issued.purpose, issued.to, issued.link);
  return { link: issued.link, mailed, purpose: issued.purpose };
}

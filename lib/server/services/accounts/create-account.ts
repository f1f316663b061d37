import "server-only";
import type { CreateAccountInput } from "@/lib/domain/accounts/account-schema";
import { writeAudit } from "../../audit/write-audit";
import { mailAccountLink } from "./account-link-mail";
import { assertAccountAdmin, assertSiteExists, assertUniqueIdentity, type AccountAdminDeps } from "./account-admin-deps";
import { issueAccountLink, type IssuedLink } from "./issue-account-link";

export interface CreatedAccount {
  userId: string;
  /** Shown once to the administrator, who hands it over when no e-mail went out. */
  link: IssuedLink;
  mailed: boolean;
}

/** A new account without a password: its user sets one through a one-time activation link. */
export async function createAccount(deps: AccountAdminDeps, input: CreateAccountInput): Promise<CreatedAccount> {
  const { db, actor } = deps;
  assertAccountAdmin(actor);
  const now = deps.now ?? new Date();
  const created = await db.$transaction(async (tx) => {
    await assertUniqueIdentity(tx, input);
    await assertSiteExists(tx, input.siteId);
    const user = await tx.user.create({
      data: { email: input.email, displayName: input.displayName, role: input.role, siteId: input.siteId, rpps: input.rpps, passwordHash: null, createdAt: now },
      select: { id: true },
    });
    const link = await issueAccountLink(tx, { purpose: "ACTIVATION", userId: user.id, issuedById: actor.id, baseUrl: deps.baseUrl, now });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "ACCOUNT_CREATED",
      entityType: "User",
      entityId: user.id,
      siteId: input.siteId,
      detail: { email: input.email, role: input.role, rpps: input.rpps, linkExpiresAt: link.expiresAt.toISOString() },
    });
    return { userId: user.id, link };
  });
  const mailed = await mailAccountLink(deps.mailer, "ACTIVATION", input, created.link);
  return { ...created, mailed };
}

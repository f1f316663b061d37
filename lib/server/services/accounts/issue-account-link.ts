import "server-only";
import { ACCOUNT_LINK_LIFETIME_MS, accountLinkUrl, type AccountLinkPurpose } from "@/lib/domain/accounts/account-links";
import { newAccountLinkToken, hashAccountLinkToken } from "../../auth/account-link-token";
import type { Tx } from "../../db/client";

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/**
 * A new one-time link for a user (or, for FIRST_ADMIN, for nobody yet). Earlier unused links of
 * the same user are withdrawn (expired now): only the last link handed over works. Call inside
 * the transaction that records why the link was issued.
 */
export async function issueAccountLink(
  tx: Tx,
  args: { purpose: AccountLinkPurpose; userId: string | null; issuedById: string | null; baseUrl: string; now?: Date },
): Promise<IssuedLink> {
  const now = args.now ?? new Date();
  if (args.userId) await tx.accountLink.updateMany({ where: { userId: args.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  else await tx.accountLink.updateMany({ where: { purpose: args.purpose, userId: null, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const token = newAccountLinkToken();
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINK_LIFETIME_MS[args.purpose]);
  await tx.accountLink.create({ data: { purpose: args.purpose, userId: args.userId, issuedById: args.issuedById, tokenHash: hashAccountLinkToken(token), expiresAt, createdAt: now } });
  return { url: accountLinkUrl(args.baseUrl, token), expiresAt };
}

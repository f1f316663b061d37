import "server-only";
import { accountLinkVerdict, type AccountLinkPurpose } from "@/lib/domain/accounts/account-links";
import { hashAccountLinkToken } from "../../auth/account-link-token";
import type { Db } from "../../db/client";

export type AccountLinkDescription =
  | { usable: true; purpose: AccountLinkPurpose; email: string | null; displayName: string | null }
  | { usable: false };

/**
 * What a one-time link is for, so that its page can greet the person and ask the right
 * questions. Anyone holding the link may ask; an unusable link says no more than that.
 */
export async function describeAccountLink(args: { db: Db; token: string; now?: Date }): Promise<AccountLinkDescription> {
  const link = await args.db.accountLink.findUnique({
    where: { tokenHash: hashAccountLinkToken(args.token) },
    select: { purpose: true, expiresAt: true, usedAt: true, user: { select: { email: true, displayName: true, active: true } } },
  });
  if (!link || accountLinkVerdict(link, args.now ?? new Date()) !== "USABLE") return { usable: false };
  if (link.user && !link.user.active) return { usable: false };
  return { usable: true, purpose: link.purpose, email: link.user?.email ?? null, displayName: link.user?.displayName ?? null };
}

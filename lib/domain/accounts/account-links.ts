// One-time links that set a password: for a new account (activation), after a forgotten
// password (reset, issued by an administrator), and for the first administrator of an
// installation on its own database. A link works once, until it expires, and only the newest
// link of a kind for an account works (issuing a new one withdraws the old by expiring it now).

export const ACCOUNT_LINK_PURPOSES = ["ACTIVATION", "RESET", "FIRST_ADMIN"] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

// A reset is short because it is an attack path on an existing account; an activation waits
// for the new user to read the e-mail the administrator sent, over a weekend.
export const ACCOUNT_LINK_LIFETIME_MS: Record<AccountLinkPurpose, number> = {
  ACTIVATION: 72 * 3600_000,
  RESET: 2 * 3600_000,
  FIRST_ADMIN: 24 * 3600_000,
};

export type AccountLinkVerdict = "USABLE" | "USED" | "EXPIRED";

export interface AccountLinkState {
  expiresAt: Date;
  usedAt: Date | null;
}

export function accountLinkVerdict(link: AccountLinkState, now: Date): AccountLinkVerdict {
  if (link.usedAt) return "USED";
  if (link.expiresAt <= now) return "EXPIRED";
  return "USABLE";
}

/** Where the link points: the token travels in the fragment, which browsers never send to a server or a proxy log. */
export function accountLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/account/link#${token}`;
}

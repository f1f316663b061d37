// Why a sign-in through an OpenID provider was refused; the sign-in page names each one
// (lib/ui/signin/sign-in-error.ts) and the audit row carries it (SIGN_IN_FAILED, detail.reason).

export const OIDC_REFUSALS = [
  /** The provider named nobody with an RPPS number (no such claim, or an ADELI number). */
  "MISSING_RPPS",
  /** No account carries this RPPS number: the administrator has not set it. */
  "UNKNOWN_RPPS",
  "INACTIVE_ACCOUNT",
  /** The provider's `acr` is missing or below the required level. */
  "INSUFFICIENT_ACR",
  /** The browser is signed in as someone else: a step-up must prove the same person. */
  "IDENTITY_MISMATCH",
  /** The user turned back at the provider (error=access_denied). */
  "CANCELLED",
  /** The provider answered an error, could not be reached, or its answer failed the checks (state, PKCE, nonce, signature). */
  "PROVIDER_ERROR",
] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

/** The `error` query value the sign-in page receives for a refusal. */
export function oidcErrorCode(refusal: OidcRefusal): string {
  return `OIDC_${refusal}`;
}

export function oidcRefusalOfCode(code: string | null | undefined): OidcRefusal | null {
  if (!code?.startsWith("OIDC_")) return null;
  const refusal = code.slice("OIDC_".length);
  return (OIDC_REFUSALS as readonly string[]).includes(refusal) ? (refusal as OidcRefusal) : null;
}

/**
 * When the strong authentication happened: the ID token's `auth_time` (seconds), not the time
 * the answer reached us. A provider that kept an old session instead of re-authenticating
 * (step-up with prompt=login ignored) thus gives an old time, which the signature's window
 * refuses. Never later than now (clock skew); now when the provider sends no auth_time.
 */
export function strongAuthenticationTime(authTime: unknown, now: Date): Date {
  if (typeof authTime !== "number" || !Number.isFinite(authTime) || authTime <= 0) return now;
  return new Date(Math.min(authTime * 1000, now.getTime()));
}

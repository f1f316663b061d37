import { oidcRefusalOfCode, type OidcRefusal } from "@/lib/domain/oidc/oidc-outcome";

// next-auth's own codes when it could not talk to the provider or refused its answer
// (discovery down, token request failed, state/PKCE/nonce/signature checks): one message.
const NEXT_AUTH_PROVIDER_CODES = new Set(["OAuthSignin", "OAuthCallback", "Callback", "OAuthCreateAccount", "AccessDenied", "Configuration"]);

/** The refusal the sign-in page's `error` query names, or null for nothing worth showing. */
export function oidcPageError(code: string | null | undefined): OidcRefusal | null {
  if (!code) return null;
  return oidcRefusalOfCode(code) ?? (NEXT_AUTH_PROVIDER_CODES.has(code) ? "PROVIDER_ERROR" : null);
}

import "server-only";
import { acrList } from "@/lib/domain/oidc/acr";
import { OIDC_CALLBACK_PATH } from "@/lib/domain/oidc/oidc-provider-id";
import { getEnv, type Env } from "../../env";

/** The OpenID provider the installation signs in with (Pro Santé Connect by default values). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: registered with the provider (the ANS for Pro Santé Connect). */
  redirectUrl: string;
  scope: string;
  /** Sent as acr_values and required of the returned acr; empty = no level asked nor checked, sessions not strong. */
  acrValues: string[];
  /** Claims that carry the RPPS number, tried in order. */
  rppsClaims: string[];
  displayName: string;
}

/** The provider the environment configures, or null: no issuer, no button. */
export function oidcConfig(env: Env = getEnv()): OidcConfig | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    // NEXTAUTH_URL is settled by the server at start (lib/server/main.ts), after the environment is read.
    redirectUrl: env.OIDC_REDIRECT_URL ?? `${(env.NEXTAUTH_URL ?? process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "")}${OIDC_CALLBACK_PATH}`,
    scope: env.OIDC_SCOPE,
    acrValues: acrList(env.OIDC_ACR_VALUES),
    rppsClaims: env.OIDC_RPPS_CLAIM.split(",").map((name) => name.trim()).filter(Boolean),
    displayName: env.OIDC_DISPLAY_NAME,
  };
}

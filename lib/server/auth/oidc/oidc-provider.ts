import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { OIDC_PROVIDER_ID } from "@/lib/domain/oidc/oidc-provider-id";
import type { OidcConfig } from "./oidc-config";

/** What the provider says about the user: the ID token's claims over UserInfo's. */
export type OidcClaims = Record<string, unknown> & { sub: string };

/**
 * The OpenID provider as next-auth (openid-client underneath) drives it: discovery from the
 * issuer, authorization code flow with PKCE, state and nonce (each kept in its own signed,
 * 15-minute cookie and checked on return), the ID token verified (signature, issuer, audience,
 * expiry, nonce) before any claim is read.
 */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.displayName,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: config.scope, ...(config.acrValues.length > 0 ? { acr_values: config.acrValues.join(" ") } : {}) } },
    client: { redirect_uris: [config.redirectUrl] },
    token: {
      // next-auth would send its own callback URL; the one registered at the provider
      // (OIDC_REDIRECT_URL) must be sent instead when they differ, e.g. behind a proxy.
      async request({ params, checks, client }) {
        return { tokens: await client.callback(config.redirectUrl, params, checks) };
      },
    },
    userinfo: {
      // Pro Santé Connect puts the professional's identity (SubjectNameID…) in UserInfo only;
      // the ID token's own claims (acr, auth_time) win, being signed. openid-client checks that
      // UserInfo's sub is the ID token's.
      async request({ tokens, client }) {
        // next-auth hands over the TokenSet its token request returned (typed loosely).
        const verified = tokens as TokenSet;
        const fromIdToken = verified.claims();
        const fromUserinfo = await client.userinfo(verified);
        return { ...fromUserinfo, ...fromIdToken };
      },
    },
    profile(claims) {
      return { id: claims.sub, name: null, email: null };
    },
  };
}

import "server-only";
import type { Account, Profile, User } from "next-auth";
import { oidcErrorCode, type OidcRefusal } from "@/lib/domain/oidc/oidc-outcome";
import { getDb } from "../../db/client";
import { getEnv } from "../../env";
import type { AuthRequest } from "../auth-request";
import type { OidcConfig } from "./oidc-config";
import { signInWithOidc } from "./sign-in-with-oidc";

/** The sign-in page with a refusal to show, and the way back when the user was going somewhere. */
export function signInPageUrl(origin: string, error: string, returnTo: string | null): string {
  const query = new URLSearchParams({ error });
  if (returnTo) query.set("callbackUrl", returnTo);
  return `${origin}/signin?${query.toString()}`;
}

/**
 * next-auth's signIn callback for the OpenID provider: matches the verified claims to an
 * account and opens the session. On success the user object next-auth carries on to the jwt
 * callback is rewritten to our user and session (next-auth passes that same object on); on a
 * refusal, the sign-in page says why.
 */
export async function completeOidcSignIn(
  args: { user: User; account: Account | null; profile?: Profile },
  context: { config: OidcConfig; request: AuthRequest; origin: string; sessionMaxAgeSeconds: number },
): Promise<true | string> {
  const { config, request } = context;
  const outcome = await signInWithOidc(getDb(), {
    claims: (args.profile ?? {}) as Record<string, unknown>,
    policy: { rppsClaims: config.rppsClaims, acrValues: config.acrValues },
    current: request.current,
    address: request.address,
    userAgent: request.userAgent,
    sessionMaxAgeSeconds: context.sessionMaxAgeSeconds,
    idleTimeoutMs: getEnv().SESSION_IDLE_MINUTES * 60_000,
  });
  if (!outcome.ok) return signInPageUrl(context.origin, oidcErrorCode(outcome.refusal satisfies OidcRefusal), request.returnTo);
  const user = args.user as User & { sid?: string };
  user.id = outcome.user.id;
  user.sid = outcome.sessionId;
  user.name = outcome.user.displayName;
  user.email = outcome.user.email;
  return true;
}

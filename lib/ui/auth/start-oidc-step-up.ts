"use client";

import { signIn } from "next-auth/react";
import { OIDC_PROVIDER_ID } from "@/lib/domain/oidc/oidc-provider-id";

/**
 * Sends the browser to the OpenID provider (Pro Santé Connect) to authenticate again, now:
 * `prompt=login` and `max_age=0` ask it not to reuse its own session. On return the server
 * opens a new session for the same user with a fresh `strongAt` (the provider's auth_time),
 * revokes the old one, and the browser lands on `callbackUrl` (a path of this site, e.g. the
 * report being signed). A refusal (another person, a weaker means, cancelled) lands on the
 * sign-in page, which says why and links back to `callbackUrl`; the old session stays.
 *
 * The page is left: keep what the user typed on the server (draft saved) before calling.
 */
export async function startOidcStepUp(callbackUrl: string): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { callbackUrl }, { prompt: "login", max_age: "0" });
}

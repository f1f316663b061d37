import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { oidcErrorCode } from "@/lib/domain/oidc/oidc-outcome";
import { OIDC_PROVIDER_ID } from "@/lib/domain/oidc/oidc-provider-id";
import { getDb } from "../db/client";
import { authOptionsFor, publicOrigin } from "./auth-options";
import { authRequestOf } from "./auth-request";
import { signInPageUrl } from "./oidc/oidc-sign-in-callback";
import { recordOidcFailure } from "./oidc/record-oidc-failure";
import { withProfileLanguage } from "./profile-language-cookie";

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

/**
 * /api/auth/*: next-auth, with options bound to the request. Two things next-auth would only
 * turn into a bare code are done here: the provider's own error answer (the user cancelled:
 * error=access_denied) gets its own message, and every failure with the provider is audited.
 */
export async function handleAuthRoute(req: NextRequest, context: RouteContext): Promise<Response> {
  const [action, providerId] = (await context.params).nextauth;
  const origin = publicOrigin();
  const request = await authRequestOf(Object.fromEntries(req.headers), origin);
  const withOidc = providerId === OIDC_PROVIDER_ID && (action === "signin" || action === "callback");

  const providerError = action === "callback" && withOidc ? req.nextUrl.searchParams.get("error") : null;
  if (providerError !== null) {
    const refusal = providerError === "access_denied" ? "CANCELLED" : "PROVIDER_ERROR";
    const description = req.nextUrl.searchParams.get("error_description");
    await recordOidcFailure(getDb(), { refusal, step: "callback", error: description ? `${providerError}: ${description}` : providerError, address: request.address }).catch(logAuditFailure);
    return new Response(null, { status: 302, headers: { Location: signInPageUrl(origin, oidcErrorCode(refusal), request.returnTo) } });
  }

  const { options, providerFailures, signedIn } = authOptionsFor(request);
  const response = (await NextAuth(req, context, options)) as Response;
  const failure = providerFailures[0];
  if (withOidc && failure) {
    await recordOidcFailure(getDb(), { refusal: "PROVIDER_ERROR", step: action === "signin" ? "signin" : "callback", error: `${failure.code}: ${failure.message}`, address: request.address }).catch(logAuditFailure);
  }
  return signedIn.userId !== null ? await withProfileLanguage(response, getDb(), signedIn.userId) : response;
}

// The user still gets the sign-in page's message: a failed audit write (the database is what
// failed, most likely) is logged rather than turned into a 500.
function logAuditFailure(error: unknown): void {
  console.error("[teleradio] could not audit an OpenID sign-in failure:", error instanceof Error ? error.message : String(error));
}

import "server-only";
import type { NextAuthOptions } from "next-auth";
import { OIDC_PROVIDER_ID } from "@/lib/domain/oidc/oidc-provider-id";
import { sessionReach } from "@/lib/domain/strong-authentication";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { writeAudit } from "../audit/write-audit";
import type { AuthRequest } from "./auth-request";
import { oidcConfig } from "./oidc/oidc-config";
import { oidcProvider } from "./oidc/oidc-provider";
import { completeOidcSignIn } from "./oidc/oidc-sign-in-callback";
import { passwordProvider, secondFactorProvider } from "./password-providers";
import { strongAuthPolicy } from "./strong-auth-policy";
import { defaultSessionChecker } from "./sessions/default-session-checker";
import { revokeSession } from "./sessions/revoke-sessions";

export function sessionMaxAgeSeconds(): number {
  return Math.round(getEnv().SESSION_MAX_AGE_HOURS * 3600);
}

/** The public origin the product is reached at (NEXTAUTH_URL, settled by the server at start). */
export function publicOrigin(): string {
  return new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000").origin;
}

/** An error next-auth reported while talking to the OpenID provider (it answers the browser with a code only). */
export interface ProviderFailure {
  code: string;
  message: string;
}

/**
 * next-auth's options for one request to /api/auth: the OpenID provider's callbacks need the
 * request (client address, the session a step-up replaces, where the user was going), which
 * next-auth does not pass them. Errors next-auth meets with the provider are collected in
 * `providerFailures` for the route to audit once next-auth has answered.
 */
export function authOptionsFor(request: AuthRequest | null): { options: NextAuthOptions; providerFailures: ProviderFailure[]; signedIn: { userId: string | null } } {
  const oidc = request ? oidcConfig() : null;
  const providerFailures: ProviderFailure[] = [];
  // Who this request signed in, for the route to give the browser the profile's language.
  const signedIn: { userId: string | null } = { userId: null };
  const options: NextAuthOptions = {
    // A JWT that names a server-side session (sid) and its user (uid): the session row decides
    // whether the cookie still counts (sign-out, idle and absolute limits: sessions/), and role,
    // site and privileges are reloaded from the database on every request (load-actor.ts).
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    jwt: { maxAge: sessionMaxAgeSeconds() },
    // next-auth's own error codes (provider unreachable, answer refused) land on the sign-in page too.
    pages: { signIn: "/signin", error: "/signin" },
    providers: [passwordProvider(sessionMaxAgeSeconds), secondFactorProvider(sessionMaxAgeSeconds), ...(oidc ? [oidcProvider(oidc)] : [])],
    logger: {
      error(code, metadata) {
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        const message = error instanceof Error ? error.message : String(error ?? code);
        // Only a request's own options collect (the shared ones would keep every error forever).
        if (request) providerFailures.push({ code, message });
        console.error(`[next-auth][error][${code}]`, message);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!oidc || !request) return false;
        try {
          return await completeOidcSignIn({ user, account, profile }, { config: oidc, request, origin: publicOrigin(), sessionMaxAgeSeconds: sessionMaxAgeSeconds() });
        } catch (error) {
          // next-auth would put the message in the sign-in page's URL: a bare code goes there instead.
          const message = error instanceof Error ? error.message : String(error);
          providerFailures.push({ code: "SIGN_IN_CALLBACK", message });
          console.error("[teleradio] OpenID sign-in failed:", message);
          throw new Error("Callback");
        }
      },
      jwt({ token, user }) {
        if (user) {
          signedIn.userId = user.id;
          token.uid = user.id;
          token.sid = (user as { sid?: string }).sid;
        }
        return token;
      },
      // Pages (currentActor) and the browser's /api/auth/session both read this: a token whose
      // server-side session is over gives no user, whatever its own expiry says.
      async session({ session, token }) {
        const userId = typeof token.uid === "string" ? token.uid : null;
        const sessionId = typeof token.sid === "string" ? token.sid : null;
        const live = userId !== null && sessionId !== null ? await defaultSessionChecker()(sessionId, userId) : null;
        if (!live) return { expires: session.expires, userId: null, sessionId: null };
        // Pages send a session that must enrol a second factor first to the enrolment page (require-actor.ts).
        return { ...session, userId, sessionId, method: live.method, reach: sessionReach(live.role, live.method, strongAuthPolicy()) };
      },
    },
    events: {
      // Signing out ends the session on the server: the cookie, if kept or copied, no longer counts.
      async signOut({ token }) {
        const sessionId = token?.sid;
        const userId = token?.uid;
        if (typeof sessionId !== "string") return;
        const db = getDb();
        await revokeSession(db, sessionId, "SIGN_OUT");
        await writeAudit(db, { actorId: typeof userId === "string" ? userId : null, action: "SIGN_OUT", entityType: "User", entityId: typeof userId === "string" ? userId : null, detail: { session: sessionId } });
      },
    },
  };
  return { options, providerFailures, signedIn };
}

/** The options pages read the session with (getServerSession): no request-bound provider. */
export const authOptions: NextAuthOptions = authOptionsFor(null).options;

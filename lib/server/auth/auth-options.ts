import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { OIDC_PROVIDER_ID } from "@/lib/domain/oidc/oidc-provider-id";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { clientAddressOf } from "../http/client-address";
import { writeAudit } from "../audit/write-audit";
import type { AuthRequest } from "./auth-request";
import { oidcConfig } from "./oidc/oidc-config";
import { oidcProvider } from "./oidc/oidc-provider";
import { completeOidcSignIn } from "./oidc/oidc-sign-in-callback";
import { signInWithPassword } from "./sign-in-with-password";
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

const credentialsProvider = CredentialsProvider({
  name: "credentials",
  credentials: { email: { type: "email" }, password: { type: "password" } },
  async authorize(raw, req) {
    const headers = req.headers ?? {};
    const userAgent = headers["user-agent"];
    const outcome = await signInWithPassword(getDb(), {
      credentials: raw,
      address: clientAddressOf(headers),
      userAgent: typeof userAgent === "string" ? userAgent : null,
      sessionMaxAgeSeconds: sessionMaxAgeSeconds(),
    });
    if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.displayName, sid: outcome.sessionId };
    // next-auth hands the message to the form as its error code (lib/ui/signin/sign-in-error.ts).
    if (outcome.reason !== "INVALID") throw new Error(`${outcome.reason}:${outcome.retryAfterSeconds}`);
    return null;
  },
});

/**
 * next-auth's options for one request to /api/auth: the OpenID provider's callbacks need the
 * request (client address, the session a step-up replaces, where the user was going), which
 * next-auth does not pass them. Errors next-auth meets with the provider are collected in
 * `providerFailures` for the route to audit once next-auth has answered.
 */
export function authOptionsFor(request: AuthRequest | null): { options: NextAuthOptions; providerFailures: ProviderFailure[] } {
  const oidc = request ? oidcConfig() : null;
  const providerFailures: ProviderFailure[] = [];
  const options: NextAuthOptions = {
    // A JWT that names a server-side session (sid) and its user (uid): the session row decides
    // whether the cookie still counts (sign-out, idle and absolute limits: sessions/), and role,
    // site and privileges are reloaded from the database on every request (load-actor.ts).
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    jwt: { maxAge: sessionMaxAgeSeconds() },
    // next-auth's own error codes (provider unreachable, answer refused) land on the sign-in page too.
    pages: { signIn: "/signin", error: "/signin" },
    providers: oidc ? [credentialsProvider, oidcProvider(oidc)] : [credentialsProvider],
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
        const live = userId !== null && sessionId !== null && (await defaultSessionChecker()(sessionId, userId));
        return live ? { ...session, userId, sessionId } : { expires: session.expires, userId: null, sessionId: null };
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
  return { options, providerFailures };
}

/** The options pages read the session with (getServerSession): no request-bound provider. */
export const authOptions: NextAuthOptions = authOptionsFor(null).options;

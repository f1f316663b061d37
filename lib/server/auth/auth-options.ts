import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { clientAddressOf } from "../http/client-address";
import { writeAudit } from "../audit/write-audit";
import { sessionReach } from "@/lib/domain/strong-authentication";
import { relyingPartyOf } from "./factors/relying-party";
import { strongAuthPolicy } from "./strong-auth-policy";
import { signInWithPassword } from "./sign-in-with-password";
import { signInWithSecondFactor } from "./sign-in-with-second-factor";
import { defaultSessionChecker } from "./sessions/default-session-checker";
import { revokeSession } from "./sessions/revoke-sessions";

export function sessionMaxAgeSeconds(): number {
  return Math.round(getEnv().SESSION_MAX_AGE_HOURS * 3600);
}

export const authOptions: NextAuthOptions = {
  // A JWT that names a server-side session (sid) and its user (uid): the session row decides
  // whether the cookie still counts (sign-out, idle and absolute limits: sessions/), and role,
  // site and privileges are reloaded from the database on every request (load-actor.ts).
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  jwt: { maxAge: sessionMaxAgeSeconds() },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
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
          policy: strongAuthPolicy(),
        });
        if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.displayName, sid: outcome.sessionId };
        // next-auth hands the message to the form as its error code (lib/ui/signin/sign-in-error.ts).
        if (outcome.reason === "SECOND_FACTOR") throw new Error(`SECOND_FACTOR:${outcome.ticket}:${outcome.totp ? "T" : ""}${outcome.passkey ? "P" : ""}`);
        if (outcome.reason !== "INVALID") throw new Error(`${outcome.reason}:${outcome.retryAfterSeconds}`);
        return null;
      },
    }),
    // The second step: the ticket of a right password and the factor's proof (JSON).
    CredentialsProvider({
      id: "second-factor",
      name: "second-factor",
      credentials: { ticket: { type: "text" }, proof: { type: "text" } },
      async authorize(raw, req) {
        const headers = req.headers ?? {};
        const userAgent = headers["user-agent"];
        const outcome = await signInWithSecondFactor(getDb(), {
          ticket: raw?.ticket,
          proof: parseProof(raw?.proof),
          address: clientAddressOf(headers),
          userAgent: typeof userAgent === "string" ? userAgent : null,
          rp: relyingPartyOf(headers),
          sessionMaxAgeSeconds: sessionMaxAgeSeconds(),
        });
        if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.displayName, sid: outcome.sessionId };
        if (outcome.reason === "THROTTLED" || outcome.reason === "LOCKED") throw new Error(`${outcome.reason}:${outcome.retryAfterSeconds}`);
        if (outcome.reason === "EXPIRED") throw new Error("EXPIRED");
        return null;
      },
    }),
  ],
  callbacks: {
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

function parseProof(raw: unknown): unknown {
  if (typeof raw !== "string" || raw.length > 16_384) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

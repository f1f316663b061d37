import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { getEnv } from "../env";
import { clientAddressOf } from "../http/client-address";
import { signInWithPassword } from "./sign-in-with-password";

export function sessionMaxAgeSeconds(): number {
  return Math.round(getEnv().SESSION_MAX_AGE_HOURS * 3600);
}

export const authOptions: NextAuthOptions = {
  // A JWT session that expires: the token holds the user id only; role, site and privileges
  // are reloaded from the database on every request (lib/server/auth/load-actor.ts).
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  jwt: { maxAge: sessionMaxAgeSeconds() },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const outcome = await signInWithPassword(getDb(), { credentials: raw, address: clientAddressOf(req.headers ?? {}) });
        if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.displayName };
        // next-auth hands the message to the form as its error code (lib/ui/signin/sign-in-error.ts).
        if (outcome.reason !== "INVALID") throw new Error(`${outcome.reason}:${outcome.retryAfterSeconds}`);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: typeof token.uid === "string" ? token.uid : null };
    },
  },
};

import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { writeAudit } from "../audit/write-audit";
import { getEnv } from "../env";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

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
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = getDb();
        const user = await db.user.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, email: true, displayName: true, passwordHash: true, active: true },
        });
        const ok = user !== null && user.active && (await verifyPassword(user.passwordHash, parsed.data.password));
        await writeAudit(db, {
          actorId: user?.id ?? null,
          action: ok ? "SIGN_IN" : "SIGN_IN_FAILED",
          entityType: "User",
          entityId: user?.id ?? null,
          detail: ok ? undefined : { email: parsed.data.email },
        });
        if (!ok || !user) return null;
        return { id: user.id, email: user.email, name: user.displayName };
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

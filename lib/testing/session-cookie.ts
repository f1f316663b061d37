import { encode } from "next-auth/jwt";
import type { Db } from "../server/db/client";
import { openSession } from "../server/auth/sessions/open-session";

export const SESSION_COOKIE_NAME = "next-auth.session-token";

/**
 * Exactly the cookie a browser holds after signing in, without the sign-in form: a live
 * server-side session and the token that names it. For tests and benchmarks, where signing in
 * hundreds of users would measure argon2.
 */
export async function mintSessionCookie(db: Db, userId: string, secret: string, maxAgeSeconds = 12 * 3600): Promise<string> {
  const sessionId = await db.$transaction((tx) => openSession(tx, { userId, maxAgeSeconds, address: null, userAgent: "minted for a test or a bench", now: new Date() }));
  const token = await encode({ token: { uid: userId, sub: userId, sid: sessionId }, secret, maxAge: maxAgeSeconds });
  return `${SESSION_COOKIE_NAME}=${token}`;
}

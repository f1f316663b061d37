import "server-only";
import { decode } from "next-auth/jwt";
import type { Actor } from "@/lib/domain/access";
import { sessionTokenFromCookies } from "./session-cookie";

/**
 * The actor of a user id, reloaded from the database. With `session`, only while the session
 * the cookie names (its id, or null when the cookie names none) is live: the server's resolver
 * (actor-batch-loader.ts) checks it; a resolver that ignores it trusts the cookie alone.
 */
export type ResolveActor = (userId: string, session?: { id: string | null }) => Promise<Actor | null>;

/** The user and the server-side session a next-auth cookie names; decode() checks its encryption and expiry. */
export async function decodeSessionCookie(cookieHeader: string | undefined, secret: string): Promise<{ userId: string; sessionId: string | null } | null> {
  const token = sessionTokenFromCookies(cookieHeader);
  if (!token) return null;
  const payload = await decode({ token, secret }).catch(() => null);
  if (typeof payload?.uid !== "string") return null;
  return { userId: payload.uid, sessionId: typeof payload.sid === "string" ? payload.sid : null };
}

/**
 * The actor behind a request's next-auth session cookie, for the handlers mounted on the
 * custom server (tRPC, DICOMweb). The user is reloaded so that a deactivation or an expired
 * privilege applies at once, and the server-side session the token names must still be live
 * (revoked at sign-out).
 */
export async function actorFromCookieHeader(
  cookieHeader: string | undefined,
  secret: string,
  resolveActor: ResolveActor,
): Promise<Actor | null> {
  const named = await decodeSessionCookie(cookieHeader, secret);
  return named ? resolveActor(named.userId, { id: named.sessionId }) : null;
}

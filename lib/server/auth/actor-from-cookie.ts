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

/**
 * The actor behind a request's next-auth session cookie, for the handlers mounted on the
 * custom server (tRPC, socket.io). decode() checks the token's encryption and expiry; the
 * user is then reloaded so that a deactivation or an expired privilege applies at once, and
 * the server-side session the token names must still be live (revoked at sign-out).
 */
export async function actorFromCookieHeader(
  cookieHeader: string | undefined,
  secret: string,
  resolveActor: ResolveActor,
): Promise<Actor | null> {
  const token = sessionTokenFromCookies(cookieHeader);
  if (!token) return null;
  const payload = await decode({ token, secret }).catch(() => null);
  const userId = payload?.uid;
  const sessionId = payload?.sid;
  return typeof userId === "string" ? resolveActor(userId, { id: typeof sessionId === "string" ? sessionId : null }) : null;
}

/** The server-side session a cookie names, or null: to close what it holds open when it is revoked. */
export async function sessionIdFromCookieHeader(cookieHeader: string | undefined, secret: string): Promise<string | null> {
  const token = sessionTokenFromCookies(cookieHeader);
  if (!token) return null;
  const payload = await decode({ token, secret }).catch(() => null);
  return typeof payload?.sid === "string" ? payload.sid : null;
}

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
  const key = `${secret}\u0000${token}`;
  const known = decodedTokens.get(key);
  if (known && Date.now() < known.usableUntil) return known.named;
  const payload = await decode({ token, secret }).catch(() => null);
  if (typeof payload?.uid !== "string") return null;
  const named = { userId: payload.uid, sessionId: typeof payload.sid === "string" ? payload.sid : null };
  // decode() accepts a token up to 15 s past its expiry: the cached answer ends with it.
  const usableUntil = typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  if (usableUntil > Date.now()) {
    if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.delete(decodedTokens.keys().next().value as string);
    decodedTokens.set(key, { named, usableUntil });
  }
  return named;
}

// next-auth's decode() derives its key (HKDF) and decrypts the token at every call: on the
// live worklist's bursts that was ~6 % of the server's CPU (docs/benchmarks.md). A token that
// decoded once decodes the same until it expires; whether its session is still live is
// checked at every request all the same (the session row), so only the decryption is reused.
const MAX_DECODED_TOKENS = 10_000;
const decodedTokens = new Map<string, { named: { userId: string; sessionId: string | null }; usableUntil: number }>();

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

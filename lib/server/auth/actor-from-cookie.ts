import "server-only";
import { decode } from "next-auth/jwt";
import type { Actor } from "@/lib/domain/access";
import { sessionTokenFromCookies } from "./session-cookie";

export type ResolveActor = (userId: string) => Promise<Actor | null>;

/**
 * The actor behind a request's next-auth session cookie, for the handlers mounted on the
 * custom server (tRPC, socket.io). decode() checks the token's encryption and expiry; the
 * user is then reloaded so that a deactivation or an expired privilege applies at once.
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
  return typeof userId === "string" ? resolveActor(userId) : null;
}

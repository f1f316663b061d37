import "server-only";
import type { SessionMethod } from "@/lib/domain/strong-authentication";
import type { Tx } from "../../db/client";

/** A new server-side session at sign-in; its id goes into the session cookie. */
export async function openSession(
  tx: Tx,
  args: {
    userId: string;
    maxAgeSeconds: number;
    address: string | null;
    userAgent: string | null;
    now: Date;
    /** How the user proved who they are (PASSWORD when not said). */
    method?: SessionMethod;
    /** When that proof counted as a strong authentication, if it did. */
    strongAt?: Date | null;
  },
): Promise<string> {
  const session = await tx.userSession.create({
    data: {
      userId: args.userId,
      createdAt: args.now,
      lastSeenAt: args.now,
      expiresAt: new Date(args.now.getTime() + args.maxAgeSeconds * 1000),
      address: args.address?.slice(0, 64) ?? null,
      userAgent: args.userAgent?.slice(0, 300) ?? null,
      method: args.method ?? "PASSWORD",
      // A second factor makes the session strong from its first second; an OpenID sign-in says
      // itself when its proof counted (strongAt, from the provider's auth_time and acr).
      strongAt: args.strongAt !== undefined ? args.strongAt : args.method && args.method !== "PASSWORD" ? args.now : null,
    },
    select: { id: true },
  });
  return session.id;
}

import "server-only";
import type { SessionMethod } from "@/lib/domain/strong-authentication";
import type { Tx } from "../../db/client";

/** A new server-side session at sign-in; its id goes into the session cookie. */
export async function openSession(
  tx: Tx,
  args: { userId: string; maxAgeSeconds: number; address: string | null; userAgent: string | null; now: Date; method?: SessionMethod },
): Promise<string> {
  const session = await tx.userSession.create({
    data: {
      userId: args.userId,
      createdAt: args.now,
      lastSeenAt: args.now,
      expiresAt: new Date(args.now.getTime() + args.maxAgeSeconds * 1000),
      address: args.address?.slice(0, 64) ?? null,
      userAgent: args.userAgent?.slice(0, 300) ?? null,
      // A session opened by a strong method is strongly authenticated from its first second.
      method: args.method ?? "PASSWORD",
      strongAt: args.method && args.method !== "PASSWORD" ? args.now : null,
    },
    select: { id: true },
  });
  return session.id;
}

import "server-only";
import type { Tx } from "../../db/client";

/** A new server-side session at sign-in; its id goes into the session cookie. */
export async function openSession(
  tx: Tx,
  args: { userId: string; maxAgeSeconds: number; address: string | null; userAgent: string | null; now: Date },
): Promise<string> {
  const session = await tx.userSession.create({
    data: {
      userId: args.userId,
      createdAt: args.now,
      lastSeenAt: args.now,
      expiresAt: new Date(args.now.getTime() + args.maxAgeSeconds * 1000),
      address: args.address?.slice(0, 64) ?? null,
      userAgent: args.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return session.id;
}

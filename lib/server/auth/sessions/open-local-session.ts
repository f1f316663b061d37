import "server-only";
import type { SessionMethod } from "@/lib/domain/strong-authentication";
import type { Tx } from "../../db/client";
import { openSession } from "./open-session";

/**
 * The end of a successful local sign-in (password, then a factor when the account has one):
 * the account's failure counter is forgotten, only now that the whole proof is in, and the
 * session row is opened.
 */
export async function openLocalSession(
  tx: Tx,
  args: { userId: string; email: string; address: string; userAgent: string | null; maxAgeSeconds: number | undefined; now: Date; method: SessionMethod },
): Promise<string> {
  await tx.signInThrottle.deleteMany({ where: { scope: "ACCOUNT", key: args.email } });
  return openSession(tx, {
    userId: args.userId,
    maxAgeSeconds: args.maxAgeSeconds ?? 12 * 3600,
    address: args.address,
    userAgent: args.userAgent,
    now: args.now,
    method: args.method,
  });
}

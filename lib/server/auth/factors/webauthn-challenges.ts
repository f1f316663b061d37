import "server-only";
import type { Tx } from "../../db/client";

export type ChallengePurpose = "REGISTER" | "SIGN_IN" | "STEP_UP";
const CHALLENGE_TTL_MS = 5 * 60_000;

export async function storeChallenge(tx: Tx, args: { userId: string; purpose: ChallengePurpose; challenge: string; now: Date }): Promise<void> {
  // Expired challenges of anyone go: the table only holds what can still be answered.
  await tx.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: args.now } } });
  await tx.webAuthnChallenge.create({ data: { userId: args.userId, purpose: args.purpose, challenge: args.challenge, expiresAt: new Date(args.now.getTime() + CHALLENGE_TTL_MS) } });
}

/** The challenge a browser's response names, taken once (deleted) if it is this user's, for this purpose, and not expired. */
export async function takeChallenge(tx: Tx, args: { userId: string; purpose: ChallengePurpose; clientDataJSON: unknown; now: Date }): Promise<string | null> {
  const challenge = challengeOf(args.clientDataJSON);
  if (!challenge) return null;
  const { count } = await tx.webAuthnChallenge.deleteMany({ where: { challenge, userId: args.userId, purpose: args.purpose, expiresAt: { gt: args.now } } });
  return count === 1 ? challenge : null;
}

function challengeOf(clientDataJSON: unknown): string | null {
  if (typeof clientDataJSON !== "string" || clientDataJSON.length > 4096) return null;
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof parsed.challenge === "string" && parsed.challenge.length <= 128 ? parsed.challenge : null;
  } catch {
    return null;
  }
}

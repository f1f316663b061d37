import "server-only";
import { afterFailure, NO_FAILURES, THROTTLE_RULES, throttleVerdict, type ThrottleScope, type ThrottleState, type ThrottleVerdict } from "@/lib/domain/sign-in-throttle";
import { writeAudit } from "../audit/write-audit";
import type { Tx } from "../db/client";

// The sign-in throttling counters (lib/domain/sign-in-throttle.ts), shared by the password step
// and the second-factor step: a wrong code counts exactly as a wrong password.

export type ThrottleKeys = Record<ThrottleScope, string>;

export async function lockCounters(tx: Tx, keys: ThrottleKeys): Promise<Record<ThrottleScope, ThrottleState>> {
  const states = {} as Record<ThrottleScope, ThrottleState>;
  // Transaction-scoped advisory locks rather than row locks: a key that never failed has no
  // row to lock, and a burst on it must be serialised all the same. Always in the same order
  // (account, then address), so that two attempts never wait for each other crosswise.
  for (const scope of ["ACCOUNT", "ADDRESS"] as const) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${scope}:${keys[scope]}`}, 0))`;
    const [row] = await tx.$queryRaw<ThrottleState[]>`
      SELECT "failures", "lastFailureAt", "lockedUntil" FROM "SignInThrottle" WHERE "scope" = ${scope} AND "key" = ${keys[scope]}`;
    states[scope] = row ?? NO_FAILURES;
  }
  return states;
}

export function refusal(states: Record<ThrottleScope, ThrottleState>, at: Date): Extract<ThrottleVerdict, { allowed: false }> | null {
  const verdicts = (["ACCOUNT", "ADDRESS"] as const).map((scope) => throttleVerdict(states[scope], THROTTLE_RULES[scope], at));
  const refused = verdicts.filter((v): v is Extract<ThrottleVerdict, { allowed: false }> => !v.allowed);
  if (refused.length === 0) return null;
  return { allowed: false, locked: refused.some((v) => v.locked), retryAfterSeconds: Math.max(...refused.map((v) => v.retryAfterSeconds)) };
}

async function saveCounter(tx: Tx, scope: ThrottleScope, key: string, state: ThrottleState, at: Date): Promise<void> {
  await tx.signInThrottle.upsert({
    where: { scope_key: { scope, key } },
    create: { scope, key, failures: state.failures, lastFailureAt: state.lastFailureAt, lockedUntil: state.lockedUntil },
    update: { failures: state.failures, lastFailureAt: state.lastFailureAt, lockedUntil: state.lockedUntil },
  });
  // Counters nobody has used for a day go (e-mails that never existed, addresses long gone).
  const stale = new Date(at.getTime() - 24 * 3600_000);
  await tx.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: stale }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] } });
}

/** One more failure on both keys, and the lock audit when this failure set one. */
export async function recordFailure(tx: Tx, keys: ThrottleKeys, states: Record<ThrottleScope, ThrottleState>, at: Date, audit: { userId: string | null; email: string }): Promise<void> {
  const account = afterFailure(states.ACCOUNT, THROTTLE_RULES.ACCOUNT, at);
  const address = afterFailure(states.ADDRESS, THROTTLE_RULES.ADDRESS, at);
  await saveCounter(tx, "ACCOUNT", keys.ACCOUNT, account, at);
  await saveCounter(tx, "ADDRESS", keys.ADDRESS, address, at);
  // A refused attempt never gets here, so a lock now is a lock this failure set.
  if (account.lockedUntil || address.lockedUntil) {
    await writeAudit(tx, {
      actorId: audit.userId,
      action: "SIGN_IN_LOCKED",
      entityType: "User",
      entityId: audit.userId,
      detail: { email: audit.email, address: keys.ADDRESS, account: account.lockedUntil !== null, byAddress: address.lockedUntil !== null },
    });
  }
}

/** Audits a refused (throttled or locked) attempt; the caller answers it without checking anything. */
export async function auditRefusal(tx: Tx, keys: ThrottleKeys, refused: Extract<ThrottleVerdict, { allowed: false }>, email: string): Promise<void> {
  await writeAudit(tx, {
    actorId: null,
    action: "SIGN_IN_THROTTLED",
    entityType: "User",
    entityId: null,
    detail: { email, address: keys.ADDRESS, locked: refused.locked, retryAfterSeconds: refused.retryAfterSeconds },
  });
}

import "server-only";
import { z } from "zod";
import { afterFailure, NO_FAILURES, THROTTLE_RULES, throttleVerdict, type ThrottleScope, type ThrottleState, type ThrottleVerdict } from "@/lib/domain/sign-in-throttle";
import { writeAudit } from "../audit/write-audit";
import type { Db, Tx } from "../db/client";
import { verifyPassword } from "./password";
import { openSession } from "./sessions/open-session";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; displayName: string }; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED" | "LOCKED"; retryAfterSeconds: number };

// An argon2id hash of a random password, checked when the e-mail is unknown: an unknown
// account then takes as long to refuse as a wrong password (no enumeration by timing).
const UNKNOWN_ACCOUNT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$TkVDF9+aG6BJrN8hFMAG5w$Lo18MCrkfmpQtlinCg5qIHzqeB4X/eLtUwf42+o1wDA";

/**
 * A password sign-in, throttled per account (the e-mail as typed, known or not) and per client
 * address (lib/domain/sign-in-throttle.ts). The attempt holds both counters' rows locked while
 * the password is checked, so that parallel attempts are counted one after the other: thirty
 * wrong passwords sent at once meet the same limits as thirty sent in turn. Every outcome is
 * audited; a refused attempt checks no password and counts no failure.
 */
export async function signInWithPassword(
  db: Db,
  input: { credentials: unknown; address: string; userAgent?: string | null; sessionMaxAgeSeconds?: number },
  now = () => new Date(),
): Promise<SignInOutcome> {
  const parsed = credentialsSchema.safeParse(input.credentials);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  const { email, password } = parsed.data;
  const keys: Record<ThrottleScope, string> = { ACCOUNT: email, ADDRESS: input.address.slice(0, 254) };

  return db.$transaction(
    async (tx) => {
      const states = await lockCounters(tx, keys);
      const at = now();
      const refused = refusal(states, at);
      if (refused) {
        await writeAudit(tx, {
          actorId: null,
          action: "SIGN_IN_THROTTLED",
          entityType: "User",
          entityId: null,
          detail: { email, address: keys.ADDRESS, locked: refused.locked, retryAfterSeconds: refused.retryAfterSeconds },
        });
        return { ok: false, reason: refused.locked ? "LOCKED" : "THROTTLED", retryAfterSeconds: refused.retryAfterSeconds };
      }

      const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, displayName: true, passwordHash: true, active: true } });
      // An account without a password yet (activation pending) is checked against the decoy too.
      const matches = await verifyPassword(user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
      const hasPassword = typeof user?.passwordHash === "string";
      if (user && user.active && hasPassword && matches) {
        await tx.signInThrottle.deleteMany({ where: { scope: "ACCOUNT", key: email } });
        const sessionId = await openSession(tx, {
          userId: user.id,
          maxAgeSeconds: input.sessionMaxAgeSeconds ?? 12 * 3600,
          address: keys.ADDRESS,
          userAgent: input.userAgent ?? null,
          now: at,
        });
        await writeAudit(tx, { actorId: user.id, action: "SIGN_IN", entityType: "User", entityId: user.id, detail: { session: sessionId, address: keys.ADDRESS } });
        return { ok: true, user: { id: user.id, email: user.email, displayName: user.displayName }, sessionId };
      }

      const account = afterFailure(states.ACCOUNT, THROTTLE_RULES.ACCOUNT, at);
      const address = afterFailure(states.ADDRESS, THROTTLE_RULES.ADDRESS, at);
      await saveCounter(tx, "ACCOUNT", keys.ACCOUNT, account, at);
      await saveCounter(tx, "ADDRESS", keys.ADDRESS, address, at);
      await writeAudit(tx, { actorId: user?.id ?? null, action: "SIGN_IN_FAILED", entityType: "User", entityId: user?.id ?? null, detail: { email, address: keys.ADDRESS } });
      // A refused attempt never gets here, so a lock now is a lock this failure set.
      if (account.lockedUntil || address.lockedUntil) {
        await writeAudit(tx, {
          actorId: user?.id ?? null,
          action: "SIGN_IN_LOCKED",
          entityType: "User",
          entityId: user?.id ?? null,
          detail: { email, address: keys.ADDRESS, account: account.lockedUntil !== null, byAddress: address.lockedUntil !== null },
        });
      }
      return { ok: false, reason: "INVALID" };
    },
    // Attempts on one account wait for each other (row locks) for as long as a password check takes.
    { timeout: 30_000, maxWait: 30_000 },
  );
}

async function lockCounters(tx: Tx, keys: Record<ThrottleScope, string>): Promise<Record<ThrottleScope, ThrottleState>> {
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

function refusal(states: Record<ThrottleScope, ThrottleState>, at: Date): Extract<ThrottleVerdict, { allowed: false }> | null {
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

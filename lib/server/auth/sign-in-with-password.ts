import "server-only";
import { z } from "zod";
import { sessionReach, type StrongAuthPolicy } from "@/lib/domain/strong-authentication";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import { factorsOf } from "./factors/verify-second-factor";
import { verifyPassword } from "./password";
import { openPendingSignIn } from "./pending-sign-in";
import { openLocalSession } from "./sessions/open-local-session";
import { auditRefusal, lockCounters, recordFailure, refusal, type ThrottleKeys } from "./sign-in-throttle-store";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; displayName: string }; sessionId: string }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED" | "LOCKED"; retryAfterSeconds: number }
  /** The password was right; the account's second factor must follow (no session exists yet). */
  | { ok: false; reason: "SECOND_FACTOR"; ticket: string; totp: boolean; passkey: boolean };

// An argon2id hash of a random password, checked when the e-mail is unknown: an unknown
// account then takes as long to refuse as a wrong password (no enumeration by timing).
const UNKNOWN_ACCOUNT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$TkVDF9+aG6BJrN8hFMAG5w$Lo18MCrkfmpQtlinCg5qIHzqeB4X/eLtUwf42+o1wDA";

/**
 * A password sign-in, throttled per account (the e-mail as typed, known or not) and per client
 * address (lib/domain/sign-in-throttle.ts). The attempt holds both counters' rows locked while
 * the password is checked, so that parallel attempts are counted one after the other: thirty
 * wrong passwords sent at once meet the same limits as thirty sent in turn. Every outcome is
 * audited; a refused attempt checks no password and counts no failure.
 *
 * An account with a second factor gets no session here, only a ticket for the second step
 * (sign-in-with-second-factor.ts). Its failures are not forgotten yet either: otherwise the
 * right password, typed again between wrong codes, would reset the count and let codes be
 * guessed without end.
 */
export async function signInWithPassword(
  db: Db,
  input: { credentials: unknown; address: string; userAgent?: string | null; sessionMaxAgeSeconds?: number; policy?: StrongAuthPolicy },
  now = () => new Date(),
): Promise<SignInOutcome> {
  const parsed = credentialsSchema.safeParse(input.credentials);
  if (!parsed.success) return { ok: false, reason: "INVALID" };
  const { email, password } = parsed.data;
  const keys: ThrottleKeys = { ACCOUNT: email, ADDRESS: input.address.slice(0, 254) };

  return db.$transaction(
    async (tx) => {
      const states = await lockCounters(tx, keys);
      const at = now();
      const refused = refusal(states, at);
      if (refused) {
        await auditRefusal(tx, keys, refused, email);
        return { ok: false, reason: refused.locked ? "LOCKED" : "THROTTLED", retryAfterSeconds: refused.retryAfterSeconds };
      }

      const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, displayName: true, passwordHash: true, active: true, role: true } });
      // An account without a password yet (activation pending) is checked against the decoy too.
      const matches = await verifyPassword(user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
      const hasPassword = typeof user?.passwordHash === "string";
      if (user && user.active && hasPassword && matches) {
        const factors = await factorsOf(tx, user.id);
        if (factors.totp || factors.passkeys > 0) {
          const ticket = await openPendingSignIn(tx, { userId: user.id, email, address: keys.ADDRESS, now: at });
          await writeAudit(tx, { actorId: user.id, action: "SIGN_IN_SECOND_FACTOR_ASKED", entityType: "User", entityId: user.id, detail: { address: keys.ADDRESS } });
          return { ok: false, reason: "SECOND_FACTOR", ticket, totp: factors.totp, passkey: factors.passkeys > 0 };
        }
        const sessionId = await openLocalSession(tx, {
          userId: user.id,
          email,
          address: keys.ADDRESS,
          userAgent: input.userAgent ?? null,
          maxAgeSeconds: input.sessionMaxAgeSeconds,
          now: at,
          method: "PASSWORD",
        });
        await writeAudit(tx, { actorId: user.id, action: "SIGN_IN", entityType: "User", entityId: user.id, detail: { session: sessionId, address: keys.ADDRESS, method: "PASSWORD" } });
        if (input.policy && sessionReach(user.role, "PASSWORD", input.policy) === "ENROLMENT_ONLY") {
          await writeAudit(tx, { actorId: user.id, action: "SECOND_FACTOR_ENROLMENT_REQUIRED", entityType: "User", entityId: user.id, detail: { session: sessionId, role: user.role } });
        }
        return { ok: true, user: { id: user.id, email: user.email, displayName: user.displayName }, sessionId };
      }

      await writeAudit(tx, { actorId: user?.id ?? null, action: "SIGN_IN_FAILED", entityType: "User", entityId: user?.id ?? null, detail: { email, address: keys.ADDRESS } });
      await recordFailure(tx, keys, states, at, { userId: user?.id ?? null, email });
      return { ok: false, reason: "INVALID" };
    },
    // Attempts on one account wait for each other (row locks) for as long as a password check takes.
    { timeout: 30_000, maxWait: 30_000 },
  );
}

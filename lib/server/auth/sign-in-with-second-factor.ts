import "server-only";
import { secondFactorProofSchema } from "@/lib/domain/second-factor";
import { writeAudit } from "../audit/write-audit";
import type { Db } from "../db/client";
import type { RelyingParty } from "./factors/relying-party";
import { verifySecondFactor } from "./factors/verify-second-factor";
import { closePendingSignIn, findPendingSignIn } from "./pending-sign-in";
import { openLocalSession } from "./sessions/open-local-session";
import { auditRefusal, lockCounters, recordFailure, refusal, type ThrottleKeys } from "./sign-in-throttle-store";

export type SecondFactorOutcome =
  | { ok: true; user: { id: string; email: string; displayName: string }; sessionId: string }
  /** The ticket is unknown or expired: start again from the password. */
  | { ok: false; reason: "EXPIRED" }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "THROTTLED" | "LOCKED"; retryAfterSeconds: number };

/**
 * The second step of a sign-in: the ticket of a right password, and a TOTP code, a recovery
 * code or a passkey's answer. Throttled and counted on the same keys as the password (the
 * e-mail as typed, the client's address), so a code is guessed no faster than a password.
 * Only success opens the session (method PASSWORD_TOTP or PASSWORD_WEBAUTHN, strong now) and
 * forgets the account's failures.
 */
export async function signInWithSecondFactor(
  db: Db,
  input: { ticket: unknown; proof: unknown; address: string; userAgent?: string | null; rp: RelyingParty | null; sessionMaxAgeSeconds?: number },
  now = () => new Date(),
): Promise<SecondFactorOutcome> {
  const proof = secondFactorProofSchema.safeParse(input.proof);
  return db.$transaction(
    async (tx) => {
      const pending = await findPendingSignIn(tx, input.ticket, now());
      if (!pending) return { ok: false, reason: "EXPIRED" };
      const keys: ThrottleKeys = { ACCOUNT: pending.email, ADDRESS: input.address.slice(0, 254) };
      const states = await lockCounters(tx, keys);
      const at = now();
      const refused = refusal(states, at);
      if (refused) {
        await auditRefusal(tx, keys, refused, pending.email);
        return { ok: false, reason: refused.locked ? "LOCKED" : "THROTTLED", retryAfterSeconds: refused.retryAfterSeconds };
      }
      const user = await tx.user.findUnique({ where: { id: pending.userId }, select: { id: true, email: true, displayName: true, active: true } });
      const proven = proof.success && user?.active ? await verifySecondFactor(tx, { userId: pending.userId, proof: proof.data, purpose: "SIGN_IN", rp: input.rp, now: at }) : null;
      if (!user || !proven || !(await closePendingSignIn(tx, pending.id))) {
        await writeAudit(tx, {
          actorId: pending.userId,
          action: "SIGN_IN_SECOND_FACTOR_FAILED",
          entityType: "User",
          entityId: pending.userId,
          detail: { address: keys.ADDRESS, kind: proof.success ? proof.data.kind : "MALFORMED" },
        });
        await recordFailure(tx, keys, states, at, { userId: pending.userId, email: pending.email });
        return { ok: false, reason: "INVALID" };
      }
      const method = proven === "WEBAUTHN" ? "PASSWORD_WEBAUTHN" : "PASSWORD_TOTP";
      const sessionId = await openLocalSession(tx, {
        userId: user.id,
        email: pending.email,
        address: keys.ADDRESS,
        userAgent: input.userAgent ?? null,
        maxAgeSeconds: input.sessionMaxAgeSeconds,
        now: at,
        method,
      });
      if (proven === "RECOVERY") {
        const left = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
        await writeAudit(tx, { actorId: user.id, action: "RECOVERY_CODE_USED", entityType: "User", entityId: user.id, detail: { left } });
      }
      await writeAudit(tx, { actorId: user.id, action: "SIGN_IN", entityType: "User", entityId: user.id, detail: { session: sessionId, address: keys.ADDRESS, method, factor: proven } });
      return { ok: true, user: { id: user.id, email: user.email, displayName: user.displayName }, sessionId };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

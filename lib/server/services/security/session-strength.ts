import "server-only";
import type { SessionMethod } from "@/lib/domain/strong-authentication";
import type { Tx } from "../../db/client";
import type { Self } from "./self";

/**
 * Enrolling proves the factor at that moment (a first valid code, a passkey's answer): the
 * password session it was done from becomes strong, and so reaches everything at once.
 */
export async function strengthenSession(tx: Tx, self: Self, method: Extract<SessionMethod, "PASSWORD_TOTP" | "PASSWORD_WEBAUTHN">, now: Date): Promise<void> {
  if (self.method !== "PASSWORD") return;
  await tx.userSession.updateMany({ where: { id: self.sessionId, userId: self.userId, method: "PASSWORD" }, data: { method, strongAt: now } });
}

/**
 * Without any factor left, a session opened with one is a password session again: the policy
 * then sends it back to enrolment if the role needs a factor. Recovery codes go with the last factor.
 */
export async function afterFactorRemoved(tx: Tx, self: Self): Promise<void> {
  const [totp, passkeys] = await Promise.all([tx.totpFactor.count({ where: { userId: self.userId, confirmedAt: { not: null } } }), tx.passkey.count({ where: { userId: self.userId } })]);
  if (totp + passkeys > 0) return;
  await tx.recoveryCode.deleteMany({ where: { userId: self.userId } });
  await tx.userSession.updateMany({ where: { userId: self.userId, revokedAt: null, method: { in: ["PASSWORD_TOTP", "PASSWORD_WEBAUTHN"] } }, data: { method: "PASSWORD", strongAt: null } });
}

import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { SecondFactorProof } from "@/lib/domain/second-factor";
import type { Tx } from "../../db/client";
import { verifyPasskeyAssertion } from "./passkey-assertion";
import { consumeRecoveryCode } from "./recovery-codes";
import type { RelyingParty } from "./relying-party";
import { openSecret } from "./secret-box";
import { acceptedTotpStep } from "./totp";

export type ProvenFactor = "TOTP" | "RECOVERY" | "WEBAUTHN";

/** Checks a code against the user's confirmed TOTP and, when accepted, remembers its step (never accepted again). */
export async function verifyTotpOf(tx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const factor = await tx.totpFactor.findUnique({ where: { userId }, select: { secretEnc: true, confirmedAt: true, lastStep: true } });
  if (!factor?.confirmedAt) return false;
  const secret = openSecret(factor.secretEnc, userId);
  if (!secret) return false;
  const step = await acceptedTotpStep(secret, code, factor.lastStep, now);
  if (step === null) return false;
  // Conditional on the step read: of two requests carrying the same code, one passes.
  const { count } = await tx.totpFactor.updateMany({ where: { userId, lastStep: factor.lastStep }, data: { lastStep: step } });
  return count === 1;
}

/** Which factor the proof showed, or null. Recovery codes only where `allowRecovery` (sign-in, not a signature). */
export async function verifySecondFactor(
  tx: Tx,
  args: { userId: string; proof: SecondFactorProof; purpose: "SIGN_IN" | "STEP_UP"; rp: RelyingParty | null; now: Date },
): Promise<ProvenFactor | null> {
  const { proof } = args;
  switch (proof.kind) {
    case "TOTP":
      return (await verifyTotpOf(tx, args.userId, proof.code, args.now)) ? "TOTP" : null;
    case "RECOVERY":
      if (args.purpose !== "SIGN_IN") return null;
      return (await consumeRecoveryCode(tx, args.userId, proof.code, args.now)) ? "RECOVERY" : null;
    case "WEBAUTHN":
      if (!args.rp) return null;
      return (await verifyPasskeyAssertion(tx, {
        userId: args.userId,
        purpose: args.purpose,
        rp: args.rp,
        response: proof.response as unknown as AuthenticationResponseJSON,
        now: args.now,
      }))
        ? "WEBAUTHN"
        : null;
    default: {
      const unreachable: never = proof;
      return unreachable;
    }
  }
}

/** The factors an account has: a confirmed TOTP, its passkeys. */
export async function factorsOf(tx: Tx, userId: string): Promise<{ totp: boolean; passkeys: number }> {
  const [totp, passkeys] = await Promise.all([
    tx.totpFactor.count({ where: { userId, confirmedAt: { not: null } } }),
    tx.passkey.count({ where: { userId } }),
  ]);
  return { totp: totp > 0, passkeys };
}

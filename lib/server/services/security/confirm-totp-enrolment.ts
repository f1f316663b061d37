import "server-only";
import { AppError } from "@/lib/domain/errors";
import { openSecret } from "../../auth/factors/secret-box";
import { acceptedTotpStep } from "../../auth/factors/totp";
import { replaceRecoveryCodes } from "../../auth/factors/recovery-codes";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import type { Self } from "./self";
import { strengthenSession } from "./session-strength";

/**
 * The first valid code confirms the authenticator (the app was set up right). Recovery codes
 * are created with the account's first factor and returned once; later enrolments keep the set.
 */
export async function confirmTotpEnrolment(args: { db: Db; self: Self; code: string; now?: Date }): Promise<{ recoveryCodes: string[] | null }> {
  const { db, self } = args;
  const now = args.now ?? new Date();
  return db.$transaction(async (tx) => {
    const factor = await tx.totpFactor.findUnique({ where: { userId: self.userId }, select: { secretEnc: true, confirmedAt: true } });
    if (!factor || factor.confirmedAt) throw new AppError("INVALID_TRANSITION", "No authenticator waits for confirmation", { action: "CONFIRM_TOTP", from: factor ? "ENROLLED" : "NONE" });
    const secret = openSecret(factor.secretEnc, self.userId);
    const step = secret ? await acceptedTotpStep(secret, args.code, null, now) : null;
    if (step === null) throw new AppError("SECOND_FACTOR_INVALID", "The code does not match: check the phone's time and type the current code");
    const { count } = await tx.totpFactor.updateMany({ where: { userId: self.userId, confirmedAt: null }, data: { confirmedAt: now, lastStep: step } });
    if (count === 0) throw new AppError("INVALID_TRANSITION", "Already confirmed", { action: "CONFIRM_TOTP", from: "ENROLLED" });
    const hasCodes = (await tx.recoveryCode.count({ where: { userId: self.userId, usedAt: null } })) > 0;
    const recoveryCodes = hasCodes ? null : await replaceRecoveryCodes(tx, self.userId);
    await strengthenSession(tx, self, "PASSWORD_TOTP", now);
    await writeAudit(tx, { actorId: self.userId, action: "SECOND_FACTOR_ENROLLED", entityType: "User", entityId: self.userId, detail: { factor: "TOTP", recoveryCodes: recoveryCodes !== null } });
    return { recoveryCodes };
  });
}

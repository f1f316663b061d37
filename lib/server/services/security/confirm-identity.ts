import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { totpCodeSchema } from "@/lib/domain/second-factor";
import { verifyPassword } from "../../auth/password";
import { verifyTotpOf } from "../../auth/factors/verify-second-factor";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/** What removing a factor or replacing recovery codes asks for: the account's password or a current code. */
export const identityConfirmationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("PASSWORD"), password: z.string().min(1, { message: "validation.required" }).max(256, { message: "validation.tooLong" }) }),
  z.object({ kind: z.literal("TOTP"), code: totpCodeSchema }),
]);
export type IdentityConfirmation = z.output<typeof identityConfirmationSchema>;

/**
 * A cookie alone must not be enough to strip an account of its factors (a borrowed, unlocked
 * workstation). A failure is audited like a failed second factor and answers SECOND_FACTOR_INVALID.
 */
export async function confirmIdentity(db: Db, userId: string, confirmation: IdentityConfirmation, now: Date): Promise<void> {
  const ok =
    confirmation.kind === "TOTP"
      ? await verifyTotpOf(db, userId, confirmation.code, now)
      : await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }).then((user) => (user?.passwordHash ? verifyPassword(user.passwordHash, confirmation.password) : false));
  if (ok) return;
  await writeAudit(db, { actorId: userId, action: "SIGN_IN_SECOND_FACTOR_FAILED", entityType: "User", entityId: userId, detail: { purpose: "CONFIRM", kind: confirmation.kind } });
  throw new AppError("SECOND_FACTOR_INVALID", "The password or code is not right");
}

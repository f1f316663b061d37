import "server-only";
import { AppError } from "@/lib/domain/errors";
import { replaceRecoveryCodes } from "../../auth/factors/recovery-codes";
import { factorsOf } from "../../auth/factors/verify-second-factor";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { confirmIdentity, type IdentityConfirmation } from "./confirm-identity";
import type { Self } from "./self";

/** A new set of 10 codes, shown once; every earlier code stops working. */
export async function regenerateRecoveryCodes(args: { db: Db; self: Self; confirmation: IdentityConfirmation; now?: Date }): Promise<{ recoveryCodes: string[] }> {
  const { db, self } = args;
  await confirmIdentity(db, self.userId, args.confirmation, args.now ?? new Date());
  return db.$transaction(async (tx) => {
    const factors = await factorsOf(tx, self.userId);
    if (!factors.totp && factors.passkeys === 0) throw new AppError("INVALID_TRANSITION", "Recovery codes come with a second factor", { action: "REGENERATE_RECOVERY_CODES", from: "NONE" });
    const recoveryCodes = await replaceRecoveryCodes(tx, self.userId);
    await writeAudit(tx, { actorId: self.userId, action: "RECOVERY_CODES_REGENERATED", entityType: "User", entityId: self.userId, detail: { count: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

import "server-only";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { confirmIdentity, type IdentityConfirmation } from "./confirm-identity";
import type { Self } from "./self";
import { afterFactorRemoved } from "./session-strength";

/** Removes the TOTP authenticator or one passkey, after the password or a current code. */
export async function removeFactor(args: {
  db: Db;
  self: Self;
  factor: { kind: "TOTP" } | { kind: "PASSKEY"; passkeyId: string };
  confirmation: IdentityConfirmation;
  now?: Date;
}): Promise<{ removed: true }> {
  const { db, self, factor } = args;
  const now = args.now ?? new Date();
  await confirmIdentity(db, self.userId, args.confirmation, now);
  return db.$transaction(async (tx) => {
    const { count } =
      factor.kind === "TOTP"
        ? await tx.totpFactor.deleteMany({ where: { userId: self.userId } })
        : await tx.passkey.deleteMany({ where: { id: factor.passkeyId, userId: self.userId } });
    // Another user's passkey answers like a missing one.
    if (count === 0) throw new AppError("NOT_FOUND", "No such factor");
    await afterFactorRemoved(tx, self);
    await writeAudit(tx, {
      actorId: self.userId,
      action: "SECOND_FACTOR_REMOVED",
      entityType: "User",
      entityId: self.userId,
      detail: factor.kind === "TOTP" ? { factor: "TOTP", confirmedBy: args.confirmation.kind } : { factor: "WEBAUTHN", passkey: factor.passkeyId, confirmedBy: args.confirmation.kind },
    });
    return { removed: true as const };
  });
}

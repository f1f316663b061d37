import "server-only";
import type { Db } from "../../db/client";
import type { Self } from "./self";

export interface FactorsView {
  totp: "NONE" | "PENDING" | "ENROLLED";
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
  sessionMethod: Self["method"];
}

export async function listFactors(args: { db: Db; self: Self }): Promise<FactorsView> {
  const { db, self } = args;
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    db.totpFactor.findUnique({ where: { userId: self.userId }, select: { confirmedAt: true } }),
    db.passkey.findMany({ where: { userId: self.userId }, select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } }),
    db.recoveryCode.count({ where: { userId: self.userId, usedAt: null } }),
  ]);
  return { totp: !totp ? "NONE" : totp.confirmedAt ? "ENROLLED" : "PENDING", passkeys, recoveryCodesLeft, sessionMethod: self.method };
}

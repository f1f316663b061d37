import "server-only";
import { createHash, randomInt } from "node:crypto";
import { RECOVERY_ALPHABET, RECOVERY_CODE_COUNT, RECOVERY_CODE_LENGTH, formatRecoveryCode } from "@/lib/domain/second-factor";
import type { Tx } from "../../db/client";

// A code carries 80 random bits: a plain SHA-256 cannot be searched back (unlike a password,
// nobody chose it), and lookups stay one indexed query instead of ten slow hashes.
export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

function newCode(): string {
  let code = "";
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code;
}

/** A fresh set replaces every earlier code; the codes are returned once, formatted, and never stored. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes.map(formatRecoveryCode);
}

/** Uses a code once: a conditional update, so two sign-ins racing with the same code cannot both pass. */
export async function consumeRecoveryCode(tx: Tx, userId: string, normalized: string, now: Date): Promise<boolean> {
  const { count } = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(normalized), usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

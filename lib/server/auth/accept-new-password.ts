import "server-only";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, refusePassword, type PasswordContext } from "@/lib/domain/accounts/password-policy";
import { AppError } from "@/lib/domain/errors";
import { commonPasswords } from "./common-passwords";
import { hashPassword } from "./password";

const CODES = { TOO_SHORT: "PASSWORD_TOO_SHORT", TOO_LONG: "PASSWORD_TOO_LONG", COMMON: "PASSWORD_COMMON", PERSONAL: "PASSWORD_PERSONAL" } as const;

/** The argon2id hash of a new password that meets the policy; an AppError naming the rule otherwise. */
export async function acceptNewPassword(password: string, context: PasswordContext): Promise<string> {
  const refusal = refusePassword(password, context, commonPasswords());
  if (refusal) throw new AppError(CODES[refusal], `Password refused: ${refusal}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  return hashPassword(password);
}

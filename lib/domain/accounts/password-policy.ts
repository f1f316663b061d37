// Password rules after ANSSI's recommendations for passwords (2021): length is what makes a
// password strong, so a minimum of 12 characters and passphrases welcome; no composition rules
// (they produce "Password1!"); refused when it is a known common password, or one dressed up
// with digits and symbols around it, or the person's own name or e-mail.

export const PASSWORD_MIN_LENGTH = 12;
// argon2 hashes any length, but a bound keeps a sign-in from costing megabytes of hashing.
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordRefusal = "TOO_SHORT" | "TOO_LONG" | "COMMON" | "PERSONAL";

export interface PasswordContext {
  email: string;
  displayName: string;
}

/** Why a new password is refused, or null when it is acceptable. Length counts characters, not bytes. */
export function refusePassword(password: string, context: PasswordContext, common: ReadonlySet<string>): PasswordRefusal | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  const lowered = password.toLowerCase();
  const core = lowered.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (common.has(lowered) || (core.length >= 4 && common.has(core))) return "COMMON";
  if (isOneRepeatedUnit(lowered)) return "COMMON";
  if (personalWords(context).some((word) => core === word || lowered.startsWith(word) && core.length <= word.length + 2)) return "PERSONAL";
  return null;
}

/** "aaaaaaaaaaaa", "abcabcabcabc", "121212121212": one short unit repeated. */
function isOneRepeatedUnit(password: string): boolean {
  for (let size = 1; size <= 4; size += 1) {
    const unit = password.slice(0, size);
    if (unit.repeat(Math.ceil(password.length / size)).slice(0, password.length) === password) return true;
  }
  return false;
}

function personalWords(context: PasswordContext): string[] {
  const local = context.email.toLowerCase().split("@")[0] ?? "";
  const names = context.displayName.toLowerCase().split(/[^\p{L}]+/u);
  return [local, local.replace(/[^\p{L}]+/gu, ""), ...names].filter((word) => word.length >= 4);
}

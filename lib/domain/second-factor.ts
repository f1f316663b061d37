import { z } from "zod";

// Second factors: the shapes of what a user types or names, shared by forms and procedures.

/** A TOTP code as typed: six digits, spaces allowed (authenticator apps show "123 456"). */
export const totpCodeSchema = z
  .string({ message: "validation.required" })
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { message: "security.validation.code" }));

export const RECOVERY_CODE_COUNT = 10;
/** 16 characters of a 32-letter alphabet: 80 random bits, shown as four groups of four. */
export const RECOVERY_CODE_LENGTH = 16;
// Crockford's base32 letters: no I, L, O, U, so that a code copied by hand reads back the same.
export const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A recovery code as typed: case, spaces and dashes do not matter; I/L read as 1 and O as 0. */
export function normalizeRecoveryCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]+/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (compact.length !== RECOVERY_CODE_LENGTH) return null;
  for (const char of compact) if (!RECOVERY_ALPHABET.includes(char)) return null;
  return compact;
}

export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

export const recoveryCodeSchema = z
  .string({ message: "validation.required" })
  .max(64, { message: "validation.tooLong" })
  .transform((value, ctx) => {
    const code = normalizeRecoveryCode(value);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "security.validation.recoveryCode" });
      return z.NEVER;
    }
    return code;
  });

export const passkeyNameSchema = z
  .string({ message: "validation.required" })
  .trim()
  .min(1, { message: "validation.required" })
  .max(60, { message: "validation.tooLong" });

/** A WebAuthn response from the browser: checked in depth by @simplewebauthn/server. */
export const webauthnResponseSchema = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal("public-key"),
    response: z.record(z.string(), z.unknown()),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  })
  .loose();

/** The ways the second step of a sign-in (or a signature's step-up) can be answered. */
export const secondFactorProofSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("TOTP"), code: totpCodeSchema }),
  z.object({ kind: z.literal("RECOVERY"), code: recoveryCodeSchema }),
  z.object({ kind: z.literal("WEBAUTHN"), response: webauthnResponseSchema }),
]);
export type SecondFactorProof = z.output<typeof secondFactorProofSchema>;

/** A signature's step-up: a current code or a passkey (a recovery code is for a lost device at sign-in). */
export const signatureProofSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("TOTP"), code: totpCodeSchema }),
  z.object({ kind: z.literal("WEBAUTHN"), response: webauthnResponseSchema }),
]);

import { z } from "zod";
import { ROLES, type Role } from "../enums";

// The administrator's account form, validated the same way in the browser and on the server.
// Messages are catalogue keys (account.validation.*).

const required = { message: "validation.required" };

export const emailSchema = z.string(required).trim().toLowerCase().min(1, required).max(254, { message: "validation.tooLong" }).email({ message: "account.validation.email" });

// RPPS: the 11-digit national number of a health professional (Pro Santé Connect returns it).
const rppsSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\s+/g, "") : value) || null,
  z.string().regex(/^\d{11}$/, { message: "account.validation.rpps" }).nullable(),
);

/** Roles working at one site's emergency department or scanner: the account names that site. */
export function roleNeedsSite(role: Role): boolean {
  return role === "REFERRER" || role === "RADIOGRAPHER";
}

const accountFields = {
  email: emailSchema,
  displayName: z.string(required).trim().min(1, required).max(200, { message: "validation.tooLong" }),
  role: z.enum(ROLES, { message: "validation.choose" }),
  siteId: z.preprocess((value) => value || null, z.uuid({ message: "validation.choose" }).nullable()),
  rpps: rppsSchema,
};

function siteWhenNeeded(account: { role: Role; siteId: string | null }, ctx: z.RefinementCtx): void {
  if (roleNeedsSite(account.role) && !account.siteId) ctx.addIssue({ code: "custom", path: ["siteId"], message: "account.validation.siteRequired" });
}

export const createAccountSchema = z.object(accountFields).superRefine(siteWhenNeeded);
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const updateAccountSchema = z.object({ userId: z.uuid(), ...accountFields }).superRefine(siteWhenNeeded);
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

/** A new password as typed: its rules are checked by password-policy.ts, where the list of common passwords is. */
export const newPasswordSchema = z.string(required).min(1, required).max(1024, { message: "validation.tooLong" });

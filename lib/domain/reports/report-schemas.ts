import { z } from "zod";
import { signatureProofSchema } from "../second-factor";
import { requestIdSchema } from "../worklist-filter-schema";
import { reportValuesSchema } from "./template-definition";

// Inputs of the reporting acts, shared by the editor and the tRPC procedures.

const id = z.uuid({ message: "validation.id" });
const draftVersion = z.number({ message: "validation.required" }).int().min(1);

export const startReadingSchema = requestIdSchema.extend({ templateId: id.optional() });

export const saveDraftSchema = requestIdSchema.extend({ draftId: id, draftVersion, values: reportValuesSchema });
export type SaveDraftInput = z.output<typeof saveDraftSchema>;

export const changeTemplateSchema = requestIdSchema.extend({ draftId: id, draftVersion, templateId: id });

// The password is checked, never stored or logged; 1024 bounds the hashing work.
export const signReportSchema = requestIdSchema.extend({
  draftId: id,
  draftVersion,
  // The re-authentication: the password (accounts without a second factor), or a factor's proof
  // (a TOTP code, a passkey's answer); neither for an OIDC session just stepped up (sign-report.ts).
  password: z.string().min(1, { message: "validation.required" }).max(1024, { message: "validation.tooLong" }).optional(),
  proof: signatureProofSchema.optional(),
});
export type SignReportInput = z.output<typeof signReportSchema>;

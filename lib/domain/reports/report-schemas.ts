import { z } from "zod";
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
  password: z.string({ message: "validation.required" }).min(1, { message: "validation.required" }).max(1024, { message: "validation.tooLong" }),
});
export type SignReportInput = z.output<typeof signReportSchema>;

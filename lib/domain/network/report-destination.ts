import { z } from "zod";
import { checkMoveDestination, type DestinationProblem, MAX_AE_TITLE_LENGTH, MAX_LABEL_LENGTH, type MoveDestinationValues } from "./move-destination";

// Where a site's signed reports are stored back into its PACS (C-STORE SCU): a DICOM node like a
// C-MOVE destination (the same label, AE title, host and port rules, move-destination.ts) with
// the document formats it takes. Pure: the /admin form and the service check the same rules.

export interface ReportDestinationValues extends MoveDestinationValues {
  sendPdf: boolean;
  sendSr: boolean;
}

export type ReportDestinationCheck = { ok: true; value: ReportDestinationValues } | { ok: false; problems: DestinationProblem[] };

export function checkReportDestination(input: { label: string; aeTitle: string; host: string; port: string | number; sendPdf: boolean; sendSr: boolean }): ReportDestinationCheck {
  const node = checkMoveDestination(input);
  const problems = node.ok ? [] : [...node.problems];
  if (!input.sendPdf && !input.sendSr) problems.push({ field: "formats", code: "FORMAT_REQUIRED" });
  if (!node.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...node.value, sendPdf: input.sendPdf, sendSr: input.sendSr } };
}

// The shape of the procedures' input; the meaning is checked by checkReportDestination.
const fields = {
  label: z.string().max(MAX_LABEL_LENGTH + 50, { message: "validation.tooLong" }),
  aeTitle: z.string().max(MAX_AE_TITLE_LENGTH * 4, { message: "validation.tooLong" }),
  host: z.string().max(263, { message: "validation.tooLong" }),
  port: z.union([z.string().max(10), z.number()]),
  sendPdf: z.boolean(),
  sendSr: z.boolean(),
};

export const createReportDestinationSchema = z.object({ siteId: z.uuid({ message: "validation.id" }), ...fields });
export type CreateReportDestination = z.output<typeof createReportDestinationSchema>;

export const updateReportDestinationSchema = z.object({ id: z.uuid({ message: "validation.id" }), ...fields, active: z.boolean() });
export type UpdateReportDestination = z.output<typeof updateReportDestinationSchema>;

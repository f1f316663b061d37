import { z } from "zod";
import { LIMITS } from "./limits";

// Inputs of the image actions on a request page, shared by the form and the server.
export const linkStudySchema = z.object({
  requestId: z.uuid({ message: "validation.id" }),
  studyId: z.uuid({ message: "validation.id" }),
  // Required (non-empty) when the DICOM identity differs: the server says so with NEEDS_CONFIRMATION.
  confirmation: z
    .string()
    .trim()
    .min(3, { message: "validation.required" })
    .max(LIMITS.reason, { message: "validation.tooLong" })
    .nullable()
    .default(null),
});
export type LinkStudyInput = z.input<typeof linkStudySchema>;

export const studyIdSchema = z.object({ studyId: z.uuid({ message: "validation.id" }) });

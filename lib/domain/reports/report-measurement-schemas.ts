import { z } from "zod";
import { requestIdSchema } from "../worklist-filter-schema";

// A measurement the viewer sends to the report: what the server stores and the editor lists.
// The shape mirrors lib/viewer/measurements.ts (the viewer's reading of Cornerstone's
// annotations), bounded so that a forged call cannot store anything large.

export const MEASUREMENT_KINDS = ["length", "angle", "ellipse", "rectangle", "probe"] as const;
export const MEASUREMENT_VALUE_NAMES = ["length", "angle", "mean", "stdDev", "area", "value"] as const;

const measurementValueSchema = z.object({
  name: z.enum(MEASUREMENT_VALUE_NAMES),
  value: z.number().finite(),
  unit: z.string().max(16, { message: "validation.tooLong" }),
});

export const sendMeasurementSchema = requestIdSchema.extend({
  measurement: z.object({
    // Cornerstone's annotation UID: the same measurement sent twice stays one line.
    id: z.string().min(1, { message: "validation.required" }).max(128, { message: "validation.tooLong" }),
    kind: z.enum(MEASUREMENT_KINDS),
    imageId: z.string().max(2000, { message: "validation.tooLong" }).nullable(),
    values: z.array(measurementValueSchema).min(1, { message: "validation.required" }).max(6),
  }),
  text: z.string().trim().min(1, { message: "validation.required" }).max(500, { message: "validation.tooLong" }),
});
export type SendMeasurementInput = z.output<typeof sendMeasurementSchema>;

/** One measurement waiting in the report editor (the reader's own, for this request). */
export interface ReportMeasurementDto {
  id: string;
  /** The viewer's annotation UID, so the viewer can show it as sent. */
  measurementId: string;
  kind: (typeof MEASUREMENT_KINDS)[number];
  text: string;
  sentAt: Date;
}

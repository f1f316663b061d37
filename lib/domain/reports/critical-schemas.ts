import { z } from "zod";
import { COMMUNICATION_CHANNELS, CRITICAL_CATEGORIES } from "../enums";
import { requestIdSchema } from "../worklist-filter-schema";
import { communicationTimeProblem, CRITICAL_DESCRIPTION_MAX, RECIPIENT_NAME_MAX } from "./critical-findings";

// Inputs of the critical findings procedures, shared by the forms and tRPC. Messages are
// catalogue keys ("validation.x" or "critical.validation.x").

const required = { message: "validation.required" };
const id = z.uuid({ message: "validation.id" });

/** Trimmed, required, bounded, and without NUL (PostgreSQL text refuses it). */
const text = (max: number) =>
  z
    .string(required)
    .trim()
    .min(1, required)
    .max(max, { message: "validation.tooLong" })
    .refine((value) => !value.includes("\0"), { message: "validation.invalid" });

export const criticalForRequestSchema = requestIdSchema;

export const flagCriticalFindingSchema = requestIdSchema.extend({
  category: z.enum(CRITICAL_CATEGORIES, { message: "validation.choose" }),
  description: text(CRITICAL_DESCRIPTION_MAX),
});
export type FlagCriticalFindingInput = z.input<typeof flagCriticalFindingSchema>;
export type FlagCriticalFinding = z.output<typeof flagCriticalFindingSchema>;

/**
 * The shape of a communication. Its time is checked against the clock by the procedure's
 * schema below and by the service (with its own clock, which tests control).
 */
export const communicationFieldsSchema = z.object({
  findingId: id,
  recipientName: text(RECIPIENT_NAME_MAX),
  /** The recipient's account, when they have one at the request's site. */
  recipientId: z.preprocess((value) => (value === "" ? null : value), id.nullable().default(null)),
  channel: z.enum(COMMUNICATION_CHANNELS, { message: "validation.choose" }),
  /** When it happened; omitted: now. */
  communicatedAt: z.coerce.date({ message: "validation.invalid" }).optional(),
  /** The recipient repeated the finding back (read-back): the finding is acknowledged. */
  acknowledged: z.boolean({ message: "validation.choose" }).default(false),
});
export type RecordCommunicationInput = z.input<typeof communicationFieldsSchema>;
export type RecordCommunication = z.output<typeof communicationFieldsSchema>;

/** Catalogue keys of a communication time refused by communicationTimeProblem. */
export const COMMUNICATION_TIME_MESSAGE = {
  FUTURE: "validation.dateInFuture",
  TOO_OLD: "critical.validation.tooOld",
} as const;

export const recordCommunicationSchema = communicationFieldsSchema.superRefine((value, context) => {
  if (value.communicatedAt === undefined) return;
  const problem = communicationTimeProblem(value.communicatedAt, new Date());
  if (problem) context.addIssue({ code: "custom", path: ["communicatedAt"], message: COMMUNICATION_TIME_MESSAGE[problem] });
});

export const acknowledgeCriticalFindingSchema = z.object({ findingId: id });
export type AcknowledgeCriticalFindingInput = z.input<typeof acknowledgeCriticalFindingSchema>;

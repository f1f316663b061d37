import { z } from "zod";
import { LIMITS } from "../limits";
import { requestIdSchema } from "../worklist-filter-schema";

// Inputs of the workflow's acts, shared by the forms and the tRPC procedures. Messages are
// catalogue keys. A reason is required where the act must say why (legal trace).

const required = { message: "validation.required" };
const reasonText = z.string(required).trim().min(1, required).max(LIMITS.reason, { message: "validation.tooLong" });
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max, { message: "validation.tooLong" }).optional());

export const INDICATION_DECISIONS = ["ACCEPT", "MODIFY", "REFUSE", "REQUEST_INFO"] as const;
export type IndicationDecision = (typeof INDICATION_DECISIONS)[number];

export const decideIndicationSchema = z.discriminatedUnion(
  "decision",
  [
    requestIdSchema.extend({ decision: z.literal("ACCEPT"), reason: optionalText(LIMITS.reason) }),
    // Modify: another exam or protocol is proposed, with the reason.
    requestIdSchema.extend({ decision: z.literal("MODIFY"), proposedExam: z.string(required).trim().min(1, required).max(500, { message: "validation.tooLong" }), reason: reasonText }),
    requestIdSchema.extend({ decision: z.literal("REFUSE"), reason: reasonText }),
    // The question put to the requester.
    requestIdSchema.extend({ decision: z.literal("REQUEST_INFO"), reason: reasonText }),
  ],
  { message: "validation.choose" },
);
export type DecideIndicationInput = z.output<typeof decideIndicationSchema>;

export const provideInformationSchema = requestIdSchema.extend({ answer: reasonText });

export const sendProtocolSchema = requestIdSchema
  .extend({
    protocolItemId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ message: "validation.id" }).optional()),
    protocolText: optionalText(2000),
    contrast: z.boolean({ message: "validation.choose" }),
    contrastOverrideReason: optionalText(LIMITS.reason),
  })
  .refine((value) => value.protocolItemId !== undefined || value.protocolText !== undefined, {
    message: "validation.protocolRequired",
    path: ["protocolText"],
  });
export type SendProtocolInput = z.output<typeof sendProtocolSchema>;

export const cancelRequestSchema = requestIdSchema.extend({ reason: reasonText });

import { z } from "zod";
import { LIMITS } from "../limits";

// Inputs of the assignment procedures (lib/server/trpc/routers/assignment-router.ts).

export const assignmentRequestIdSchema = z.object({ requestId: z.uuid({ message: "validation.id" }) });

/** A take-over always says why: the reason is part of the legal trace and goes to the previous holder's timeline. */
export const takeOverSchema = z.object({
  requestId: z.uuid({ message: "validation.id" }),
  reason: z
    .string()
    .trim()
    .min(1, { message: "validation.required" })
    .max(LIMITS.reason, { message: "validation.tooLong" })
    .refine((text) => !text.includes("\0"), { message: "validation.invalid" }),
});
export type TakeOverInput = z.input<typeof takeOverSchema>;

export const escalatedBoardSchema = z.object({ limit: z.number().int().min(1).max(200).default(100) });

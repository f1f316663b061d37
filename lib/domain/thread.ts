import { z } from "zod";
import { canClaimFor, isSiteStaffOf, type Actor } from "./access";

// The request's conversation (referrer, radiologist, radiographer). It replaces the phone
// call and is part of the request's trace: messages are only ever added.

/** Quick actions: a fixed code whose label each reader sees in their own language. */
export const QUICK_ACTIONS = ["NEED_CREATININE", "PROTOCOL_CHANGED", "PATIENT_TRANSFERRED", "IMAGES_SENT", "CALL_ME"] as const;
export type QuickAction = (typeof QUICK_ACTIONS)[number];

export const THREAD_BODY_MAX = 2000;

/**
 * A message: free text (trimmed, 1..2000 characters), or a quick action with optional free
 * text. The body stores the free text only; the quick action's code is stored beside it.
 */
export const postThreadMessageSchema = z
  .object({
    requestId: z.uuid({ message: "validation.id" }),
    body: z
      .string()
      .trim()
      .max(THREAD_BODY_MAX, { message: "validation.tooLong" })
      // PostgreSQL text refuses NUL characters.
      .refine((text) => !text.includes("\0"), { message: "validation.invalid" })
      .default(""),
    quickAction: z.enum(QUICK_ACTIONS).nullable().default(null),
  })
  .refine((message) => message.quickAction !== null || message.body.length > 0, {
    path: ["body"],
    message: "validation.required",
  });

export type PostThreadMessageInput = z.input<typeof postThreadMessageSchema>;
export type PostThreadMessage = z.output<typeof postThreadMessageSchema>;

/**
 * Who takes part in a request's conversation: the requesting site's referrers and
 * radiographers, and the radiologists allowed to read for the site. Department heads see
 * the thread but do not write in it.
 */
export function canPostToThread(actor: Actor, siteId: string): boolean {
  return isSiteStaffOf(actor, siteId) || canClaimFor(actor, siteId);
}

/**
 * Who is told of a new message: the requester, the current holder and, for a
 * télédiagnostic (the exam is done at the site), the site's radiographers. Never the author.
 */
export function threadMessageRecipients(args: {
  authorId: string;
  requesterId: string;
  holderId: string | null;
  siteRadiographerIds: readonly string[];
  isTeleDiagnostic: boolean;
}): string[] {
  const recipients = new Set<string>([args.requesterId]);
  if (args.holderId) recipients.add(args.holderId);
  if (args.isTeleDiagnostic) for (const id of args.siteRadiographerIds) recipients.add(id);
  recipients.delete(args.authorId);
  return [...recipients];
}

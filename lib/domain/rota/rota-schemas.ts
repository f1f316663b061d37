import { z } from "zod";
import { SHIFT_ROLES, SUBSPECIALTIES } from "../enums";
import { MAX_OCCURRENCES, occurrenceStarts } from "./expand-recurrence";
import { daysBetween, parseLocalDate, parseLocalDateTime, wallClockMinutesBetween } from "./wall-clock";

// Inputs of the rota procedures, shared by the shift form (field by field) and the server.
// Times are wall-clock strings of the territory (Europe/Paris), as a datetime-local input gives.

/** A single shift lasts at most a week (a weekend is 48 h). */
export const MAX_SHIFT_MINUTES = 7 * 24 * 60;
/** A pattern reaches at most this far ahead. */
export const MAX_RECURRENCE_DAYS = 400;
/** The calendar asks for at most this much at once (a month view with its edges). */
export const MAX_RANGE_DAYS = 62;
export const MAX_SITES_PER_SHIFT = 50;

const id = z.uuid({ message: "validation.id" });

const localDateTime = z
  .string({ message: "validation.required" })
  .refine((value) => parseLocalDateTime(value) !== null, { message: "rota.validation.dateTime" });

const localDate = z
  .string({ message: "validation.required" })
  .refine((value) => parseLocalDate(value) !== null, { message: "validation.date" });

export const recurrenceSchema = z.object({
  intervalWeeks: z.number({ message: "validation.integer" }).int({ message: "validation.integer" }).min(1, { message: "validation.range" }).max(8, { message: "validation.range" }),
  weekdays: z
    .array(z.number().int().min(0).max(6), { message: "rota.validation.weekdays" })
    .min(1, { message: "rota.validation.weekdays" })
    .max(7)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  until: localDate,
});

const shiftFields = {
  radiologistId: id,
  start: localDateTime,
  end: localDateTime,
  siteIds: z
    .array(id, { message: "rota.validation.sites" })
    .min(1, { message: "rota.validation.sites" })
    .max(MAX_SITES_PER_SHIFT, { message: "validation.range" })
    .transform((ids) => [...new Set(ids)]),
  role: z.enum(SHIFT_ROLES, { message: "validation.choose" }),
  subspecialties: z
    .array(z.enum(SUBSPECIALTIES, { message: "validation.choose" }))
    .max(SUBSPECIALTIES.length)
    .default([])
    .transform((values) => [...new Set(values)]),
};

function checkTiming(value: { start: string; end: string }, ctx: z.RefinementCtx): void {
  const minutes = wallClockMinutesBetween(value.start, value.end);
  if (minutes === null) return; // The field errors are already there.
  if (minutes <= 0) ctx.addIssue({ code: "custom", path: ["end"], message: "rota.validation.endBeforeStart" });
  else if (minutes > MAX_SHIFT_MINUTES) ctx.addIssue({ code: "custom", path: ["end"], message: "rota.validation.tooLong" });
}

export const createShiftSchema = z
  .object({ ...shiftFields, recurrence: recurrenceSchema.optional() })
  .superRefine((value, ctx) => {
    checkTiming(value, ctx);
    const recurrence = value.recurrence;
    if (!recurrence || recurrence.weekdays.length === 0 || parseLocalDateTime(value.start) === null || parseLocalDate(recurrence.until) === null) return;
    const days = daysBetween(value.start.slice(0, 10), recurrence.until);
    if (days < 0) ctx.addIssue({ code: "custom", path: ["recurrence", "until"], message: "rota.validation.untilBeforeStart" });
    else if (days > MAX_RECURRENCE_DAYS) ctx.addIssue({ code: "custom", path: ["recurrence", "until"], message: "rota.validation.untilTooFar" });
    else {
      const count = occurrenceStarts(value, recurrence).length;
      if (count === 0) ctx.addIssue({ code: "custom", path: ["recurrence", "weekdays"], message: "rota.validation.noOccurrence" });
      if (count > MAX_OCCURRENCES) ctx.addIssue({ code: "custom", path: ["recurrence", "until"], message: "rota.validation.tooManyOccurrences" });
    }
  });
export type CreateShiftInput = z.input<typeof createShiftSchema>;
export type CreateShift = z.output<typeof createShiftSchema>;

/** Editing changes one shift (not the rest of its series). */
export const updateShiftSchema = z.object({ shiftId: id, ...shiftFields }).superRefine(checkTiming);
export type UpdateShift = z.output<typeof updateShiftSchema>;

export const deleteShiftSchema = z.object({
  shiftId: id,
  /** Also delete the later shifts of the same series. */
  withFollowing: z.boolean().default(false),
});
export type DeleteShift = z.output<typeof deleteShiftSchema>;

export const rotaRangeSchema = z
  .object({ from: z.date({ message: "validation.date" }), to: z.date({ message: "validation.date" }) })
  .superRefine((value, ctx) => {
    const span = value.to.getTime() - value.from.getTime();
    if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "rota.validation.endBeforeStart" });
    else if (span > MAX_RANGE_DAYS * 86_400_000) ctx.addIssue({ code: "custom", path: ["to"], message: "validation.range" });
  });
export type RotaRange = z.output<typeof rotaRangeSchema>;

export const onCallNowSchema = z.object({ siteId: id });

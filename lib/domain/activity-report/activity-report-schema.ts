import { z } from "zod";
import { addDays, instantToWallClock } from "../rota/wall-clock";

// What the monthly activity report is asked for: a calendar month of the territory's time
// zone and one scope, a site or an inter-hospital agreement (a SiteGroup). The month's
// requests are those submitted on one of its days in Europe/Paris, as on the dashboard.

/** "YYYY-MM" */
export type Month = string;

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const activityReportInputSchema = z
  .object({
    month: z.string().regex(MONTH_PATTERN, { message: "activity.validation.month" }),
    siteId: z.uuid({ message: "validation.id" }).optional(),
    groupId: z.uuid({ message: "validation.id" }).optional(),
  })
  // One scope exactly: a report over "a site and a group" or over nothing has no title.
  .refine((input) => (input.siteId === undefined) !== (input.groupId === undefined), { message: "activity.validation.scope", path: ["siteId"] })
  .transform(({ month, siteId, groupId }) => ({
    month,
    scope: siteId !== undefined ? ({ kind: "site", id: siteId } as const) : ({ kind: "group", id: groupId! } as const),
  }));
export type ActivityReportInput = z.input<typeof activityReportInputSchema>;
export type ActivityReportRequest = z.output<typeof activityReportInputSchema>;

/** The month's first and last days ("YYYY-MM-DD"), both included. */
export function monthPeriod(month: Month): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${nextMonth(month)}-01`, -1) };
}

export function nextMonth(month: Month): Month {
  const [year, index] = monthParts(month);
  return index === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(index + 1, 2)}`;
}

export function previousMonth(month: Month): Month {
  const [year, index] = monthParts(month);
  return index === 1 ? `${pad(year - 1, 4)}-12` : `${pad(year, 4)}-${pad(index - 1, 2)}`;
}

/** The month an instant falls in, in Paris. */
export function monthOfInstant(instant: Date): Month {
  return instantToWallClock(instant).date.slice(0, 7);
}

/** The report of a month not yet begun would be empty and misleading: refused. */
export function isFutureMonth(month: Month, now: Date): boolean {
  return month > monthOfInstant(now);
}

function monthParts(month: Month): [number, number] {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Invalid month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

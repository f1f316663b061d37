import { isFutureMonth, MONTH_PATTERN, monthOfInstant, previousMonth, type Month } from "./activity-report-schema";

// The download link of the activity report, as the dashboard's form builds it. The scope is
// one select: "site:<id>" or "group:<id>", so that a site and an agreement can never both be
// chosen (the server refuses that anyway).

export type ScopeChoice = `site:${string}` | `group:${string}`;

export const ACTIVITY_REPORT_PATH = "/api/activity-report";

/** The month a head most often reports on: the last complete one, in Paris. */
export function defaultReportMonth(now: Date): Month {
  return previousMonth(monthOfInstant(now));
}

/** Why the month cannot be asked for (a catalogue key), or null. */
export function monthProblem(month: string, now: Date): "activity.validation.month" | "activity.validation.futureMonth" | null {
  if (!MONTH_PATTERN.test(month)) return "activity.validation.month";
  return isFutureMonth(month, now) ? "activity.validation.futureMonth" : null;
}

/** The link, or null while the choice is incomplete. */
export function activityReportHref(month: string, scope: string): string | null {
  const match = /^(site|group):(.+)$/.exec(scope);
  if (!match || !MONTH_PATTERN.test(month)) return null;
  const params = new URLSearchParams({ month, [match[1] === "site" ? "siteId" : "groupId"]: match[2]! });
  return `${ACTIVITY_REPORT_PATH}?${params.toString()}`;
}

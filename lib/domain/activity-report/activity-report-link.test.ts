import { describe, expect, it } from "vitest";
import { activityReportHref, defaultReportMonth, monthProblem } from "./activity-report-link";

describe("the activity report's download link", () => {
  it("names the month and either the site or the agreement", () => {
    expect(activityReportHref("2026-10", "site:abc")).toBe("/api/activity-report?month=2026-10&siteId=abc");
    expect(activityReportHref("2026-10", "group:def")).toBe("/api/activity-report?month=2026-10&groupId=def");
  });

  it("is not offered until both are chosen", () => {
    expect(activityReportHref("2026-10", "")).toBeNull();
    expect(activityReportHref("", "site:abc")).toBeNull();
  });

  it("defaults to the last complete month in Paris, across a year end", () => {
    expect(defaultReportMonth(new Date("2026-11-24T10:00:00Z"))).toBe("2026-10");
    // 1 January 00:30 in Paris is still 31 December in UTC.
    expect(defaultReportMonth(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12");
    expect(defaultReportMonth(new Date("2027-01-15T12:00:00Z"))).toBe("2026-12");
  });

  it("says why a month cannot be asked for", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    expect(monthProblem("2026-11", now)).toBeNull();
    expect(monthProblem("2026-12", now)).toBe("activity.validation.futureMonth");
    expect(monthProblem("", now)).toBe("activity.validation.month");
  });
});

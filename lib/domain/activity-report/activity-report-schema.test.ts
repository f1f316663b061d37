import { describe, expect, it } from "vitest";
import { activityReportInputSchema, isFutureMonth, monthPeriod, nextMonth, previousMonth } from "./activity-report-schema";

const SITE = "7d3c1f7e-3b7a-4c1e-9a51-0a4d2f1b6c11";
const GROUP = "0f6b2f1a-9a3e-4f4c-8d1b-2b6c7e8f9a10";

const messages = (input: unknown) => {
  const parsed = activityReportInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("the activity report's request", () => {
  it("takes a month and exactly one scope", () => {
    expect(activityReportInputSchema.parse({ month: "2026-11", siteId: SITE })).toEqual({ month: "2026-11", scope: { kind: "site", id: SITE } });
    expect(activityReportInputSchema.parse({ month: "2026-11", groupId: GROUP })).toEqual({ month: "2026-11", scope: { kind: "group", id: GROUP } });
  });

  it("refuses both scopes or neither, with a catalogue key", () => {
    expect(messages({ month: "2026-11", siteId: SITE, groupId: GROUP })).toEqual(["activity.validation.scope"]);
    expect(messages({ month: "2026-11" })).toEqual(["activity.validation.scope"]);
  });

  it("refuses a malformed month or id", () => {
    for (const month of ["2026-13", "2026-00", "2026-1", "11-2026", "2026-11-01", ""]) {
      expect(messages({ month, siteId: SITE })).toEqual(["activity.validation.month"]);
    }
    expect(messages({ month: "2026-11", siteId: "SITE-A" })).toEqual(["validation.id"]);
  });
});

describe("months", () => {
  it("spans whole days, leap years and year ends included", () => {
    expect(monthPeriod("2026-11")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(monthPeriod("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthPeriod("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(previousMonth("2027-01")).toBe("2026-12");
  });

  it("tells a future month in Paris time: 31 December 23:30 UTC is already January in Paris", () => {
    const now = new Date("2026-12-31T23:30:00Z");
    expect(isFutureMonth("2027-01", now)).toBe(false);
    expect(isFutureMonth("2027-02", now)).toBe(true);
    expect(isFutureMonth("2026-11", now)).toBe(false);
  });
});

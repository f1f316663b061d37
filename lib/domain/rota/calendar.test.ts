import { describe, expect, it } from "vitest";
import { calendarDays, calendarWindow, crossesDay, endLabelOn, shiftAnchor, startLabelOn } from "./calendar";
import { wallClockToInstant } from "./wall-clock";

describe("calendar views of the rota", () => {
  it("shows Monday to Sunday, and whole weeks covering a month", () => {
    expect(calendarDays("week", "2026-12-03")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    const month = calendarDays("month", "2027-02-14");
    expect(month[0]).toBe("2027-02-01");
    expect(month[month.length - 1]).toBe("2027-02-28");
    expect(month).toHaveLength(28);
    const march = calendarDays("month", "2027-03-31");
    expect([march[0], march[march.length - 1], march.length]).toEqual(["2027-03-01", "2027-04-04", 35]);
  });

  it("covers the days in Paris time, across a DST change", () => {
    const { from, to } = calendarWindow(calendarDays("week", "2027-03-28"));
    expect(from.toISOString()).toBe("2027-03-21T23:00:00.000Z");
    expect(to.toISOString()).toBe("2027-03-28T22:00:00.000Z");
  });

  it("moves by a week or a month", () => {
    expect(shiftAnchor("week", "2026-12-31", 1)).toBe("2027-01-07");
    expect(shiftAnchor("month", "2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftAnchor("month", "2027-01-15", -1)).toBe("2026-12-01");
  });

  it("places a night shift on the two days it crosses", () => {
    const night = { startsAt: wallClockToInstant("2026-12-01T20:00"), endsAt: wallClockToInstant("2026-12-02T08:00") };
    expect(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"].map((day) => crossesDay(night, day))).toEqual([false, true, true, false]);
    expect([startLabelOn(night, "2026-12-01"), endLabelOn(night, "2026-12-01")]).toEqual(["20:00", "…"]);
    expect([startLabelOn(night, "2026-12-02"), endLabelOn(night, "2026-12-02")]).toEqual(["…", "08:00"]);
    expect(endLabelOn({ endsAt: wallClockToInstant("2026-12-02T00:00") }, "2026-12-01")).toBe("24:00");
  });
});

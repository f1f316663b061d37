import { describe, expect, it } from "vitest";
import { expandRecurrence, MAX_OCCURRENCES, occurrenceStarts, storedPattern, TooManyOccurrencesError } from "./expand-recurrence";
import { createShiftSchema } from "./rota-schemas";
import { instantToLocalDateTime, wallClockToInstant } from "./wall-clock";

const iso = (d: Date) => d.toISOString();
const HOUR = 3_600_000;

describe("wall-clock times of the territory", () => {
  it("converts Paris winter and summer times to the right instants and back", () => {
    expect(iso(wallClockToInstant("2026-12-05T08:00"))).toBe("2026-12-05T07:00:00.000Z");
    expect(iso(wallClockToInstant("2027-07-03T08:00"))).toBe("2027-07-03T06:00:00.000Z");
    expect(instantToLocalDateTime(new Date("2027-07-03T06:00:00Z"))).toBe("2027-07-03T08:00");
  });

  it("moves a time the clocks skip forward, and takes the earlier of a repeated time", () => {
    expect(iso(wallClockToInstant("2027-03-28T02:30"))).toBe("2027-03-28T01:30:00.000Z"); // 03:30 CEST
    expect(iso(wallClockToInstant("2027-10-31T02:30"))).toBe("2027-10-31T00:30:00.000Z"); // 02:30 CEST
  });
});

describe("expanding a recurring shift", () => {
  it("makes a single shift without a pattern", () => {
    const [only, ...rest] = expandRecurrence({ start: "2026-12-01T20:00", end: "2026-12-02T08:00" });
    expect(rest).toHaveLength(0);
    expect(iso(only!.startsAt)).toBe("2026-12-01T19:00:00.000Z");
    expect(iso(only!.endsAt)).toBe("2026-12-02T07:00:00.000Z");
  });

  it("makes every other weekend: Saturday 08:00 for 48 h, one week on, one week off", () => {
    const shifts = expandRecurrence(
      { start: "2026-11-28T08:00", end: "2026-11-30T08:00" },
      { intervalWeeks: 2, weekdays: [6], until: "2027-01-31" },
    );
    expect(shifts.map((s) => instantToLocalDateTime(s.startsAt))).toEqual([
      "2026-11-28T08:00",
      "2026-12-12T08:00",
      "2026-12-26T08:00",
      "2027-01-09T08:00",
      "2027-01-23T08:00",
    ]);
    for (const shift of shifts) expect(shift.endsAt.getTime() - shift.startsAt.getTime()).toBe(48 * HOUR);
  });

  it("takes several weekdays of the same (Monday to Sunday) week on active weeks only", () => {
    const starts = occurrenceStarts({ start: "2026-11-28T08:00", end: "2026-11-29T08:00" }, { intervalWeeks: 2, weekdays: [6, 0], until: "2026-12-14" });
    expect(starts).toEqual(["2026-11-28T08:00", "2026-11-29T08:00", "2026-12-12T08:00", "2026-12-13T08:00"]);
  });

  it("starts on the first matching day on or after the entered date, up to `until` inclusive", () => {
    // Entered on a Wednesday, for Mondays and Fridays.
    const starts = occurrenceStarts({ start: "2026-12-02T18:30", end: "2026-12-03T08:00" }, { intervalWeeks: 1, weekdays: [1, 5], until: "2026-12-11" });
    expect(starts).toEqual(["2026-12-04T18:30", "2026-12-07T18:30", "2026-12-11T18:30"]);
  });

  it("keeps Saturday 08:00 at 08:00 Paris across the spring DST change, the DST-night shift lasting 23 h", () => {
    const shifts = expandRecurrence(
      { start: "2027-03-20T08:00", end: "2027-03-21T08:00" },
      { intervalWeeks: 1, weekdays: [6], until: "2027-04-03" },
    );
    expect(shifts.map((s) => iso(s.startsAt))).toEqual(["2027-03-20T07:00:00.000Z", "2027-03-27T07:00:00.000Z", "2027-04-03T06:00:00.000Z"]);
    expect(shifts.map((s) => instantToLocalDateTime(s.endsAt))).toEqual(["2027-03-21T08:00", "2027-03-28T08:00", "2027-04-04T08:00"]);
    expect(shifts.map((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / HOUR)).toEqual([24, 23, 24]);
  });

  it("keeps the handover at 08:00 across the autumn DST change, the DST-night shift lasting 25 h", () => {
    const shifts = expandRecurrence(
      { start: "2027-10-23T08:00", end: "2027-10-24T08:00" },
      { intervalWeeks: 1, weekdays: [6], until: "2027-10-30" },
    );
    expect(shifts.map((s) => instantToLocalDateTime(s.startsAt))).toEqual(["2027-10-23T08:00", "2027-10-30T08:00"]);
    expect(shifts.map((s) => (s.endsAt.getTime() - s.startsAt.getTime()) / HOUR)).toEqual([24, 25]);
  });

  it("refuses more than the cap, and a shift that does not end after it starts", () => {
    expect(() => expandRecurrence({ start: "2026-12-01T08:00", end: "2026-12-01T20:00" }, { intervalWeeks: 1, weekdays: [0, 1, 2, 3, 4, 5, 6], until: "2028-12-31" })).toThrow(TooManyOccurrencesError);
    expect(() => expandRecurrence({ start: "2026-12-01T08:00", end: "2026-12-01T08:00" })).toThrow(RangeError);
    const year = expandRecurrence({ start: "2027-01-01T08:00", end: "2027-01-01T20:00" }, { intervalWeeks: 1, weekdays: [0, 1, 2, 3, 4, 5, 6], until: "2027-12-31" });
    expect(year.length).toBeLessThanOrEqual(MAX_OCCURRENCES);
  });

  it("stores the pattern as entered, with the time of day and the duration", () => {
    expect(storedPattern({ start: "2026-11-28T08:00", end: "2026-11-30T08:00" }, { intervalWeeks: 2, weekdays: [6, 0], until: "2027-03-01" })).toEqual({
      intervalWeeks: 2,
      weekdays: [6, 0],
      until: "2027-03-01",
      firstDate: "2026-11-28",
      startTime: "08:00",
      durationMinutes: 2880,
      timeZone: "Europe/Paris",
    });
  });
});

describe("the shift form's validation", () => {
  const base = {
    radiologistId: "0b6c3f0e-8a53-4b43-9d0b-6a1e8f0c2d11",
    siteIds: ["1b6c3f0e-8a53-4b43-9d0b-6a1e8f0c2d11"],
    role: "PRIMARY" as const,
    start: "2026-12-01T08:00",
    end: "2026-12-01T20:00",
  };
  const messages = (input: unknown) => {
    const result = createShiftSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
  };

  it("accepts a valid shift and a valid pattern", () => {
    expect(messages(base)).toEqual([]);
    expect(messages({ ...base, recurrence: { intervalWeeks: 2, weekdays: [2], until: "2027-03-01" } })).toEqual([]);
  });

  it("says precisely what is wrong", () => {
    expect(messages({ ...base, end: "2026-12-01T07:00" })).toEqual(["end:rota.validation.endBeforeStart"]);
    expect(messages({ ...base, end: "2026-12-09T08:00" })).toEqual(["end:rota.validation.tooLong"]);
    expect(messages({ ...base, siteIds: [] })).toEqual(["siteIds:rota.validation.sites"]);
    expect(messages({ ...base, start: "2026-02-30T08:00" })).toEqual(["start:rota.validation.dateTime"]);
    expect(messages({ ...base, recurrence: { intervalWeeks: 1, weekdays: [2], until: "2026-11-01" } })).toEqual(["recurrence.until:rota.validation.untilBeforeStart"]);
    expect(messages({ ...base, recurrence: { intervalWeeks: 1, weekdays: [0, 1, 2, 3, 4, 5, 6], until: "2027-12-31" } })).toEqual(["recurrence.until:rota.validation.tooManyOccurrences"]);
    expect(messages({ ...base, recurrence: { intervalWeeks: 1, weekdays: [], until: "2027-01-01" } })).toEqual(["recurrence.weekdays:rota.validation.weekdays"]);
  });
});

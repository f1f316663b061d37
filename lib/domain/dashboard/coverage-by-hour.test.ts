import { describe, expect, it } from "vitest";
import { hourOccurrences, onCallByHour } from "./coverage-by-hour";

const s = (iso: string) => Date.parse(iso) / 1000;

describe("on-call coverage by hour of the week", () => {
  it("counts the real hours of a day the clocks change: 23 on the last Sunday of March in Paris", () => {
    // Sunday 29 March 2026, local midnight to midnight (UTC+1 then UTC+2).
    const occurrences = hourOccurrences(s("2026-03-28T23:00:00Z"), s("2026-03-29T22:00:00Z"));
    expect(occurrences.reduce((sum, n) => sum + n, 0)).toBe(23);
    expect(occurrences[6 * 24 + 2]).toBe(0); // 02:00 did not exist
    expect(occurrences[6 * 24 + 3]).toBe(1);
  });

  it("averages the radiologists on call per hour, counting overlapping shifts of one radiologist once", () => {
    // Monday 2 March 2026, 08:00-10:00 in Paris (07:00-09:00 UTC), booked twice for the same radiologist.
    const from = s("2026-03-01T23:00:00Z");
    const to = s("2026-03-02T23:00:00Z");
    const shift = { radiologistId: "r1", startsAt: s("2026-03-02T07:00:00Z"), endsAt: s("2026-03-02T09:00:00Z") };
    const onCall = onCallByHour([shift, shift, { ...shift, radiologistId: "r2", startsAt: s("2026-03-02T08:00:00Z") }], from, to, hourOccurrences(from, to));
    expect(onCall.slice(7, 11)).toEqual([0, 1, 2, 0]);
  });
});

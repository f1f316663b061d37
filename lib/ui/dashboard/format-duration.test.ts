import { describe, expect, it } from "vitest";
import { durationUnitFor, formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("shows a dash when there is no duration", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(undefined)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });

  it("reads seconds under a minute", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45)).toBe("45 s");
  });

  it("reads minutes under an hour, rounded", () => {
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(23 * 60)).toBe("23 min");
    expect(formatDuration(23 * 60 + 31)).toBe("24 min");
  });

  it("reads hours and zero-padded minutes under a day", () => {
    expect(formatDuration(3600 + 5 * 60)).toBe("1 h 05");
    expect(formatDuration(13 * 3600 + 42 * 60)).toBe("13 h 42");
  });

  it("rounds before choosing the unit", () => {
    expect(formatDuration(59 * 60 + 40)).toBe("1 h 00");
    expect(formatDuration(59.7)).toBe("1 min");
    expect(formatDuration(23 * 3600 + 59 * 60 + 50)).toBe("1 j");
  });

  it("reads days and hours beyond a day, in the reader's language", () => {
    expect(formatDuration(2 * 86_400 + 3 * 3600)).toBe("2 j 3 h");
    expect(formatDuration(2 * 86_400 + 3 * 3600, "en")).toBe("2 d 3 h");
    expect(formatDuration(86_400)).toBe("1 j");
    expect(formatDuration(86_400 + 20 * 60)).toBe("1 j");
  });

  it("keeps the sign of a negative duration (clock skew)", () => {
    expect(formatDuration(-90)).toBe("-2 min");
  });
});

describe("durationUnitFor", () => {
  it("picks minutes, hours or days for a chart axis", () => {
    expect(durationUnitFor(0).unit).toBe("minutes");
    expect(durationUnitFor(3 * 3600).unit).toBe("minutes");
    expect(durationUnitFor(5 * 3600).unit).toBe("hours");
    expect(durationUnitFor(4 * 86_400).unit).toBe("days");
  });
});

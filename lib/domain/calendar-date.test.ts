import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDicomDa, formatDicomTm, parseTypedDate } from "./calendar-date";

describe("calendar dates", () => {
  it("shows a birth date day first in French and in English, without any time-zone shift", () => {
    const before = process.env.TZ;
    // West of UTC, new Date("1951-03-02") would print 01/03/1951: the day must not move.
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(formatCalendarDate("1951-03-02", "fr")).toBe("02/03/1951");
      expect(formatCalendarDate("1951-03-02", "en")).toBe("02/03/1951");
    } finally {
      process.env.TZ = before;
    }
  });

  it("formats DICOM DA and TM values", () => {
    expect(formatDicomDa("20250523", "fr")).toBe("23/05/2025");
    expect(formatDicomDa("20250523", "en")).toBe("23/05/2025");
    expect(formatDicomDa("", "fr")).toBeNull();
    expect(formatDicomDa(null, "fr")).toBeNull();
    expect(formatDicomDa("2025", "fr")).toBe("2025");
    expect(formatDicomTm("143005.123")).toBe("14:30:05");
    expect(formatDicomTm("1430")).toBe("14:30");
    expect(formatDicomTm("07")).toBe("07:00");
    expect(formatDicomTm(null)).toBeNull();
  });

  it("reads what a clinician types in a date field, day first", () => {
    expect(parseTypedDate("02/03/1951")).toBe("1951-03-02");
    expect(parseTypedDate("2/3/1951")).toBe("1951-03-02");
    expect(parseTypedDate(" 02.03.1951 ")).toBe("1951-03-02");
    expect(parseTypedDate("02031951")).toBe("1951-03-02");
    expect(parseTypedDate("1951-03-02")).toBe("1951-03-02");
    expect(parseTypedDate("29/02/2024")).toBe("2024-02-29");
  });

  it("refuses dates that do not exist or are incomplete", () => {
    expect(parseTypedDate("29/02/2023")).toBeNull();
    expect(parseTypedDate("31/04/2020")).toBeNull();
    expect(parseTypedDate("13/13/2020")).toBeNull();
    expect(parseTypedDate("02/03/51")).toBeNull();
    expect(parseTypedDate("mm/dd/yyyy")).toBeNull();
    expect(parseTypedDate("")).toBeNull();
  });
});

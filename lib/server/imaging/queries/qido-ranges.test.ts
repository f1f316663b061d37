import { describe, expect, it } from "vitest";
import { dateRange, normalizeTime, timeRange } from "./qido-ranges";

describe("DA range matching", () => {
  it("reads single dates and open or closed ranges", () => {
    expect(dateRange("19600101")).toEqual({ from: "19600101", to: "19600101" });
    expect(dateRange("19600101-19701231")).toEqual({ from: "19600101", to: "19701231" });
    expect(dateRange("19600101-")).toEqual({ from: "19600101", to: null });
    expect(dateRange("-19701231")).toEqual({ from: null, to: "19701231" });
    expect(dateRange("1960.01.01")).toEqual({ from: "19600101", to: "19600101" });
  });

  it("refuses what is not a date or an inverted range", () => {
    for (const bad of ["-", "1960", "19601301", "1960-01-01", "20240101-20230101", "abc", "19600101-19700101-19800101"]) {
      expect(dateRange(bad), bad).toBeNull();
    }
  });
});

describe("TM range matching", () => {
  it("normalizes bounds so that a partial time covers its whole unit", () => {
    expect(normalizeTime("10", "start")).toBe("100000.000000");
    expect(normalizeTime("10", "end")).toBe("105959.999999");
    expect(normalizeTime("10:30", "end")).toBe("103059.999999");
    expect(normalizeTime("103000.25", "start")).toBe("103000.250000");
    expect(normalizeTime("103000.25", "end")).toBe("103000.259999");
  });

  it("reads single times and ranges with fractional seconds", () => {
    expect(timeRange("1030")).toEqual({ from: "103000.000000", to: "103059.999999" });
    expect(timeRange("080000.5-120000")).toEqual({ from: "080000.500000", to: "120000.999999" });
    expect(timeRange("-0900")).toEqual({ from: null, to: "090059.999999" });
    expect(timeRange("2200-")).toEqual({ from: "220000.000000", to: null });
  });

  it("refuses what is not a time or an inverted range", () => {
    for (const bad of ["-", "25", "1060", "12-10", "noon", "1200.1234567"]) expect(timeRange(bad), bad).toBeNull();
  });
});

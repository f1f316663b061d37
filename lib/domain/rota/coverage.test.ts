import { describe, expect, it } from "vitest";
import { analyseCoverage, type CoverageShift } from "./coverage";

const at = (hour: number) => new Date(Date.UTC(2026, 11, 1) + hour * 3_600_000);
const window = { from: at(0), to: at(24) };

let nextId = 0;
function shift(radiologistId: string, from: number, to: number, siteIds: string[], role: CoverageShift["role"] = "PRIMARY"): CoverageShift {
  nextId += 1;
  return { id: `s${nextId}`, radiologistId, role, siteIds, startsAt: at(from), endsAt: at(to) };
}

const hours = (spans: { from: Date; to: Date }[]) => spans.map((span) => [(span.from.getTime() - at(0).getTime()) / 3_600_000, (span.to.getTime() - at(0).getTime()) / 3_600_000]);

describe("coverage of the rota", () => {
  it("finds no gap when primaries cover the whole window, end to end", () => {
    const result = analyseCoverage({ ...window, siteIds: ["A"], shifts: [shift("r1", -4, 8, ["A"]), shift("r2", 8, 20, ["A"]), shift("r1", 20, 30, ["A"])] });
    expect(result).toEqual({ overlaps: [], gaps: [] });
  });

  it("reports a whole-window gap for a site nobody covers", () => {
    const result = analyseCoverage({ ...window, siteIds: ["A", "B"], shifts: [shift("r1", 0, 24, ["A"])] });
    expect(result.gaps.map((gap) => gap.siteId)).toEqual(["B"]);
    expect(hours(result.gaps)).toEqual([[0, 24]]);
  });

  it("reports gaps at the start, between shifts and at the end, per site", () => {
    const result = analyseCoverage({
      ...window,
      siteIds: ["A", "B"],
      shifts: [shift("r1", 2, 8, ["A", "B"]), shift("r2", 10, 18, ["A"]), shift("r3", 8, 24, ["B"])],
    });
    const bySite = (site: string) => hours(result.gaps.filter((gap) => gap.siteId === site));
    expect(bySite("A")).toEqual([[0, 2], [8, 10], [18, 24]]);
    expect(bySite("B")).toEqual([[0, 2]]);
  });

  it("does not count a backup as coverage", () => {
    const result = analyseCoverage({ ...window, siteIds: ["A"], shifts: [shift("r1", 0, 24, ["A"], "BACKUP"), shift("r2", 0, 12, ["A"])] });
    expect(hours(result.gaps)).toEqual([[12, 24]]);
  });

  it("merges overlapping and nested primaries before looking for gaps", () => {
    const result = analyseCoverage({ ...window, siteIds: ["A"], shifts: [shift("r1", 0, 12, ["A"]), shift("r2", 2, 6, ["A"]), shift("r3", 11, 24, ["A"])] });
    expect(result.gaps).toEqual([]);
  });

  it("finds a radiologist booked twice at once, with the time they overlap", () => {
    const a = shift("r1", 8, 20, ["A"]);
    const b = shift("r1", 18, 30, ["B"], "BACKUP");
    const other = shift("r2", 8, 20, ["A"]);
    const result = analyseCoverage({ ...window, siteIds: [], shifts: [b, other, a] });
    expect(result.overlaps).toHaveLength(1);
    expect(result.overlaps[0]!.radiologistId).toBe("r1");
    expect(result.overlaps[0]!.shiftIds).toEqual([a.id, b.id]);
    expect(hours(result.overlaps)).toEqual([[18, 20]]);
  });

  it("does not count back-to-back shifts as an overlap, and finds every pair among three", () => {
    expect(analyseCoverage({ ...window, siteIds: [], shifts: [shift("r1", 0, 8, ["A"]), shift("r1", 8, 16, ["A"])] }).overlaps).toEqual([]);
    const three = analyseCoverage({ ...window, siteIds: [], shifts: [shift("r1", 0, 12, ["A"]), shift("r1", 2, 4, ["B"]), shift("r1", 3, 10, ["C"])] });
    expect(hours(three.overlaps)).toEqual([[2, 4], [3, 4], [3, 10]]);
  });

  it("ignores what lies outside the window and clips what crosses it", () => {
    const result = analyseCoverage({
      ...window,
      siteIds: ["A"],
      shifts: [shift("r1", -10, -2, ["A"]), shift("r1", -5, 4, ["A"]), shift("r1", 30, 40, ["A"]), shift("r1", 35, 45, ["A"])],
    });
    // The -5..-2 overlap lies before the window.
    expect(result.overlaps).toEqual([]);
    expect(hours(result.gaps)).toEqual([[4, 24]]);
  });

  it("returns nothing for an empty window", () => {
    expect(analyseCoverage({ from: at(5), to: at(5), siteIds: ["A"], shifts: [] })).toEqual({ overlaps: [], gaps: [] });
  });
});

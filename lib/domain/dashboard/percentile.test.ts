import { describe, expect, it } from "vitest";
import { bucketFloor, bucketOf, DurationHistogram } from "./duration-histogram";
import { nearestRank } from "./percentile";
import { SegmentAccumulator } from "./segment-accumulator";

const TEN = [60, 120, 180, 240, 300, 360, 420, 480, 540, 600];

function histogramOf(values: readonly number[]): DurationHistogram {
  const histogram = new DurationHistogram();
  for (const value of values) histogram.add(value);
  return histogram;
}

describe("nearest-rank percentiles", () => {
  it("has no percentile without values", () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(histogramOf([]).percentile(90)).toBeNull();
  });

  it("gives the only value for a single request", () => {
    expect(nearestRank([420], 50)).toBe(420);
    expect(nearestRank([420], 90)).toBe(420);
    expect(histogramOf([420]).percentile(90)).toBe(420);
  });

  it("takes the smallest value with at least p % at or below it", () => {
    // 10 values: the median is the 5th, the 90th percentile the 9th.
    expect(nearestRank(TEN, 50)).toBe(300);
    expect(nearestRank(TEN, 90)).toBe(540);
    // 4 values: the median is the 2nd (no interpolation: always an observed duration).
    expect(nearestRank([10, 20, 30, 40], 50)).toBe(20);
    expect(nearestRank([10, 20, 30, 40], 90)).toBe(40);
  });

  it("reads the same percentiles from the histogram, whatever the order of arrival", () => {
    const shuffled = [540, 60, 300, 600, 120, 480, 180, 420, 240, 360];
    expect(histogramOf(shuffled).percentile(50)).toBe(300);
    expect(histogramOf(shuffled).percentile(90)).toBe(540);
  });

  it("is exact to the second under 10 min, then to 10 s, the minute, 10 min and the day", () => {
    expect(bucketFloor(bucketOf(599))).toBe(599);
    expect(bucketFloor(bucketOf(7199))).toBe(7190);
    expect(bucketFloor(bucketOf(7290))).toBe(7260);
    expect(bucketFloor(bucketOf(48 * 3600 + 5999))).toBe(48 * 3600 + 5400);
    expect(bucketFloor(bucketOf(10 * 86_400 + 5))).toBe(10 * 86_400);
    expect(bucketFloor(bucketOf(-5))).toBe(0);
    expect(histogramOf([7290, 7295, 9000]).percentile(50)).toBe(7260);
  });

  it("counts values into display bins, the last one open-ended", () => {
    expect(histogramOf(TEN).bins([0, 300, 600])).toEqual([4, 5, 1]);
  });
});

describe("share within target", () => {
  it("is unknown when nothing was judged", () => {
    const empty = new SegmentAccumulator();
    expect(empty.figures("SUBMITTED_TO_SIGNED")).toEqual({
      segment: "SUBMITTED_TO_SIGNED",
      count: 0,
      open: 0,
      median: null,
      p90: null,
      within: 0,
      judged: 0,
      share: null,
    });
  });

  it("counts a single request at its target as within", () => {
    const one = new SegmentAccumulator();
    one.completed(600, 600);
    expect(one.figures("COMPLETE_TO_SIGNED")).toMatchObject({ count: 1, median: 600, p90: 600, within: 1, judged: 1, share: 1 });
  });

  it("judges open requests only once they have overrun their target, and keeps them out of the percentiles", () => {
    const segment = new SegmentAccumulator();
    segment.completed(300, 600);
    segment.completed(900, 600);
    segment.stillOpen(700, 600); // already late: missed
    segment.stillOpen(100, 600); // may still make it: not judged
    expect(segment.figures("SUBMITTED_TO_SIGNED")).toEqual({
      segment: "SUBMITTED_TO_SIGNED",
      count: 2,
      open: 2,
      median: 300,
      p90: 900,
      within: 1,
      judged: 3,
      share: 1 / 3,
    });
  });
});

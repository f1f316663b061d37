import { describe, expect, it } from "vitest";
import { ageBucketCutoffs, ageBucketOf } from "./age-buckets";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("age bands of open requests", () => {
  it("puts each bound in the older band: 15 min, 1 h, 4 h and 24 h old are no longer in the younger one", () => {
    expect(ageBucketOf(0)).toBe("UNDER_15M");
    expect(ageBucketOf(15 * MIN - 1)).toBe("UNDER_15M");
    expect(ageBucketOf(15 * MIN)).toBe("UNDER_1H");
    expect(ageBucketOf(HOUR - 1)).toBe("UNDER_1H");
    expect(ageBucketOf(HOUR)).toBe("UNDER_4H");
    expect(ageBucketOf(4 * HOUR)).toBe("UNDER_24H");
    expect(ageBucketOf(24 * HOUR - 1)).toBe("UNDER_24H");
    expect(ageBucketOf(24 * HOUR)).toBe("OVER_24H");
    expect(ageBucketOf(30 * 24 * HOUR)).toBe("OVER_24H");
  });

  it("counts a request stamped slightly in the future (clock skew) as the youngest", () => {
    expect(ageBucketOf(-5_000)).toBe("UNDER_15M");
  });

  it("gives the query cutoffs that agree with the rule at every bound", () => {
    const now = new Date("2026-11-24T10:00:00.000Z");
    const cutoffs = ageBucketCutoffs(now);
    expect(cutoffs.map((at) => at.toISOString())).toEqual(["2026-11-24T09:45:00.000Z", "2026-11-24T09:00:00.000Z", "2026-11-24T06:00:00.000Z", "2026-11-23T10:00:00.000Z"]);
    // The query's rule: the first band whose cutoff the submission is strictly after.
    const viaCutoffs = (submittedAt: Date) => {
      const index = cutoffs.findIndex((cutoff) => submittedAt.getTime() > cutoff.getTime());
      return ["UNDER_15M", "UNDER_1H", "UNDER_4H", "UNDER_24H", "OVER_24H"][index === -1 ? 4 : index];
    };
    for (const ageMs of [0, 15 * MIN - 1, 15 * MIN, 15 * MIN + 1, HOUR, 4 * HOUR - 1, 4 * HOUR, 24 * HOUR, 24 * HOUR + 1]) {
      expect(viaCutoffs(new Date(now.getTime() - ageMs))).toBe(ageBucketOf(ageMs));
    }
  });
});

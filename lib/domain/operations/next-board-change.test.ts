import { describe, expect, it } from "vitest";
import { nextBoardChange, refreshDelayMs } from "./next-board-change";

const now = new Date("2026-11-24T10:00:00.000Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe("next change of the board by the clock alone", () => {
  it("is null on a quiet board: nothing open, no shift boundary ahead", () => {
    expect(nextBoardChange(now, [{ targetS: 3600, oldestNotAtRisk: null, oldestAtRiskNotLate: null }], [null])).toBeNull();
  });

  it("is the earliest of a request entering the at-risk list, one becoming late and a shift boundary", () => {
    const frontiers = [
      // Vital submitted 40 min ago: at risk in 5 min. One at risk since 50 min: late in 10 min (and 1 ms).
      { targetS: 3600, oldestNotAtRisk: at(-40), oldestAtRiskNotLate: at(-50) },
      // Urgent submitted 2 h ago: at risk in 15 min.
      { targetS: 10_800, oldestNotAtRisk: at(-120), oldestAtRiskNotLate: null },
    ];
    expect(nextBoardChange(now, frontiers, [at(30), null])).toEqual(at(5));
    expect(nextBoardChange(now, frontiers, [at(2)])).toEqual(at(2));
    expect(nextBoardChange(now, [{ targetS: 3600, oldestNotAtRisk: null, oldestAtRiskNotLate: at(-50) }], [])).toEqual(new Date(at(10).getTime() + 1));
  });

  it("ignores instants already past (a shift that ended, a crossing the query raced)", () => {
    expect(nextBoardChange(now, [{ targetS: 3600, oldestNotAtRisk: at(-45), oldestAtRiskNotLate: null }], [at(-1), now, at(60)])).toEqual(at(60));
  });
});

describe("when the client refetches a board nobody touched", () => {
  it("a second after the next change, within 5 s and 5 min", () => {
    expect(refreshDelayMs({ generatedAt: now, nextChangeAt: at(2) })).toBe(2 * 60_000 + 1_000);
    expect(refreshDelayMs({ generatedAt: now, nextChangeAt: new Date(now.getTime() + 10) })).toBe(5_000);
    expect(refreshDelayMs({ generatedAt: now, nextChangeAt: at(600) })).toBe(5 * 60_000);
    expect(refreshDelayMs({ generatedAt: now, nextChangeAt: null })).toBe(5 * 60_000);
  });
});

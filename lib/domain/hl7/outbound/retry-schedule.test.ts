import { describe, expect, it } from "vitest";
import { nextAttemptDelayMs, OUTBOUND_MAX_ATTEMPTS } from "./retry-schedule";

describe("retry schedule of an outbound message", () => {
  it("backs off after each failed attempt and gives up after the last", () => {
    const delays = Array.from({ length: OUTBOUND_MAX_ATTEMPTS }, (_, i) => nextAttemptDelayMs(i + 1));
    expect(delays).toEqual([30_000, 120_000, 300_000, 900_000, 1_800_000, null]);
    expect(OUTBOUND_MAX_ATTEMPTS).toBe(6);
  });

  it("sends at once when nothing failed yet", () => {
    expect(nextAttemptDelayMs(0)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { formatWaitingTime } from "./waiting-time";

describe("waiting time", () => {
  it("shows seconds, minutes, hours and days compactly", () => {
    expect(formatWaitingTime(0)).toBe("0 s");
    expect(formatWaitingTime(45_000)).toBe("45 s");
    expect(formatWaitingTime(12 * 60_000 + 59_000)).toBe("12 min");
    expect(formatWaitingTime(3 * 3_600_000 + 5 * 60_000)).toBe("3 h 05");
    expect(formatWaitingTime(2 * 86_400_000 + 4 * 3_600_000, "d")).toBe("2 d 04 h");
  });

  it("never shows a negative time when clocks differ slightly", () => {
    expect(formatWaitingTime(-5_000)).toBe("0 s");
  });
});

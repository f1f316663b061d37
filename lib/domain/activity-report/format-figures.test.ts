import { describe, expect, it } from "vitest";
import { formatCount, formatDuration, formatPartOf, formatShare } from "./format-figures";

describe("durations as the activity report writes them", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [60, "1 min"],
    [23 * 60 + 59, "23 min"],
    [59 * 60 + 59, "59 min"],
    [3600, "1 h 00"],
    [3600 + 5 * 60, "1 h 05"],
    [23 * 3600 + 59 * 60 + 59, "23 h 59"],
    [86_400, "1 j"],
    [2 * 86_400 + 3 * 3600 + 59 * 60, "2 j 3 h"],
    [45 * 86_400, "45 j"],
  ])("%d s reads %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("floors rather than rounds: 59 min 59 s is not yet an hour", () => {
    expect(formatDuration(3599)).toBe("59 min");
  });

  it("shows a dash when there is no figure, and never a negative duration", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(-30)).toBe("0 s");
  });
});

describe("shares and counts", () => {
  it("writes a share with one decimal and a French comma", () => {
    expect(formatShare(0.875)).toBe("87,5 %");
    expect(formatShare(1)).toBe("100,0 %");
    expect(formatShare(0)).toBe("0,0 %");
    expect(formatShare(2 / 3)).toBe("66,7 %");
    expect(formatShare(null)).toBe("—");
  });

  it("groups thousands with a plain space", () => {
    expect(formatCount(7)).toBe("7");
    expect(formatCount(1234)).toBe("1 234");
    expect(formatCount(1_234_567)).toBe("1 234 567");
  });

  it("gives no share of an empty whole", () => {
    expect(formatPartOf(1, 4)).toBe("25,0 %");
    expect(formatPartOf(0, 0)).toBe("—");
  });
});

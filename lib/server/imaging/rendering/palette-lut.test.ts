import { describe, expect, it } from "vitest";
import { expandSegments } from "./palette-lut";

describe("expandSegments", () => {
  it("expands discrete, linear and indirect segments (PS3.3 C.7.9.2)", () => {
    // discrete [0, 10], linear to 50 over 4, then indirect: replay 1 segment at word offset 0.
    const segments = Uint16Array.of(0, 2, 0, 10, 1, 4, 50, 2, 1, 0, 0);
    expect(Array.from(expandSegments(segments, 8))).toEqual([0, 10, 20, 30, 40, 50, 0, 10]);
  });
});

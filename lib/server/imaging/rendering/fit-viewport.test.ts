import { describe, expect, it } from "vitest";
import { fitViewport } from "./fit-viewport";

const image = { width: 4, height: 2, channels: 1 as const, data: Uint8Array.of(0, 100, 200, 250, 10, 110, 210, 250) };

describe("fitViewport", () => {
  it("fits within the viewport keeping the aspect, averaging what it shrinks", () => {
    expect(fitViewport(image, { width: 2, height: 2, region: null })).toEqual({ width: 2, height: 1, channels: 1, data: Uint8Array.of(55, 228) });
  });
  it("crops a source region and flips on a negative width", () => {
    const out = fitViewport(image, { width: 2, height: 1, region: { x: 2, y: 0, width: -2, height: 1 } });
    expect(Array.from(out.data)).toEqual([250, 200]);
  });
  it("enlarges by repeating pixels", () => {
    expect(fitViewport({ width: 1, height: 1, channels: 1, data: Uint8Array.of(7) }, { width: 3, height: 3, region: null }).data).toEqual(Uint8Array.of(7, 7, 7, 7, 7, 7, 7, 7, 7));
  });
});

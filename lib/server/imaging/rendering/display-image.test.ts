import { describe, expect, it } from "vitest";
import { toDisplay, voiFunction } from "./display-image";
import type { PixelDescription } from "./pixel-description";
import { readSamples } from "./read-samples";

const base: PixelDescription = {
  rows: 1, columns: 4, samplesPerPixel: 1, bitsAllocated: 16, bitsStored: 16, highBit: 15, signed: false, float: false, planarConfiguration: 0,
  photometric: "MONOCHROME2", rescaleSlope: 1, rescaleIntercept: 0, windowCenter: null, windowWidth: null, voiFunction: "LINEAR", palette: null,
};

const words = (values: number[], signed = false) => {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => (signed ? view.setInt16(i * 2, v, true) : view.setUint16(i * 2, v, true)));
  return bytes;
};

describe("greyscale", () => {
  it("applies rescale then the file's window (CT in HU)", () => {
    const d = { ...base, rescaleSlope: 1, rescaleIntercept: -1024, windowCenter: 40, windowWidth: 400 };
    const image = toDisplay(d, readSamples(d, words([0, 1024 - 160, 1024 + 40, 3000])), "MONOCHROME2", null);
    expect(Array.from(image.data)).toEqual([0, 0, 128, 255]);
  });
  it("uses the request's window over the file's", () => {
    const d = { ...base, windowCenter: 40, windowWidth: 400 };
    expect(Array.from(toDisplay(d, Float32Array.from([0, 50, 100, 150]), "MONOCHROME2", { center: 50, width: 100, fn: "LINEAR_EXACT" }).data)).toEqual([0, 128, 255, 255]);
  });
  it("falls back to the pixel range when the width is 0 (a real MR said 0/0) and inverts MONOCHROME1", () => {
    const d = { ...base, windowCenter: 0, windowWidth: 0 };
    expect(Array.from(toDisplay(d, Float32Array.from([100, 200, 300, 500]), "MONOCHROME2", null).data)).toEqual([0, 64, 128, 255]);
    expect(Array.from(toDisplay(d, Float32Array.from([100, 200, 300, 500]), "MONOCHROME1", null).data)).toEqual([255, 191, 127, 0]);
  });
  it("reads signed values masked to Bits Stored (12 bits with an overlay bit set above)", () => {
    const d = { ...base, bitsStored: 12, highBit: 11, signed: true };
    expect(Array.from(readSamples(d, words([0x8000 | 0x0fff, 0x0800, 0x07ff, 5])))).toEqual([-1, -2048, 2047, 5]);
  });
  it("unpacks 1-bit pixels least significant bit first", () => {
    const d = { ...base, columns: 8, bitsAllocated: 1, bitsStored: 1, highBit: 0 };
    expect(Array.from(readSamples(d, Uint8Array.of(0b00000101)))).toEqual([1, 0, 1, 0, 0, 0, 0, 0]);
  });
  it("sigmoid centres on the window centre", () => {
    expect(voiFunction({ center: 100, width: 50, fn: "SIGMOID" })(100)).toBe(128);
  });
});

describe("colour", () => {
  const rgb = { ...base, columns: 2, samplesPerPixel: 3, bitsAllocated: 8, bitsStored: 8, highBit: 7 };
  it("reorders planar RGB (one plane per colour) to pixels", () => {
    const planar = Uint8Array.of(255, 0, /* green */ 0, 255, /* blue */ 10, 20);
    expect(Array.from(toDisplay(rgb, readSamples(rgb, planar, 1), "RGB", null).data)).toEqual([255, 0, 10, 0, 255, 20]);
  });
  it("converts YBR_FULL to RGB (grey stays grey, pure red comes back red)", () => {
    // Y Cb Cr of RGB (255,0,0) is (76, 85, 255).
    const out = Array.from(toDisplay(rgb, Float32Array.from([128, 128, 128, 76, 85, 255]), "YBR_FULL", null).data);
    expect(out.slice(0, 3)).toEqual([128, 128, 128]);
    expect(out[3]).toBeGreaterThan(250);
    expect(out[4]).toBeLessThan(5);
    expect(out[5]).toBeLessThan(5);
  });
  it("expands native YBR_FULL_422: two lumas share one Cb/Cr", () => {
    const d = { ...rgb, photometric: "YBR_FULL_422" };
    const samples = readSamples({ ...d, samplesPerPixel: 2 }, Uint8Array.of(50, 200, 128, 128));
    expect(Array.from(toDisplay(d, samples, "YBR_FULL_422", null, true).data)).toEqual([50, 50, 50, 200, 200, 200]);
  });
  it("looks up PALETTE COLOR with its first mapped value", () => {
    const lut = (values: number[]) => ({ entries: values.length, firstMapped: 10, bits: 16, data: words(values), segmented: false });
    const d = { ...base, columns: 3, bitsAllocated: 8, bitsStored: 8, highBit: 7, photometric: "PALETTE COLOR", palette: { red: lut([0, 65535]), green: lut([65535, 0]), blue: lut([0x8000, 0x8000]) } };
    expect(Array.from(toDisplay(d, Float32Array.from([10, 11, 200]), "PALETTE COLOR", null).data)).toEqual([0, 255, 128, 255, 0, 128, 255, 0, 128]);
  });
});

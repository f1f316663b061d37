import { describe, expect, it } from "vitest";
import type { PixelDescription } from "./pixel-description";
import { readSamples, swapToLittleEndian } from "./read-samples";

const base: PixelDescription = {
  rows: 1, columns: 2, samplesPerPixel: 1, bitsAllocated: 32, bitsStored: 32, highBit: 31, signed: false, float: false, planarConfiguration: 0,
  photometric: "MONOCHROME2", rescaleSlope: 1, rescaleIntercept: 0, windowCenter: null, windowWidth: null, voiFunction: "LINEAR", palette: null,
};

describe("readSamples", () => {
  it("reads big-endian 16-bit pixels once swapped (Explicit VR Big Endian)", () => {
    const swapped = swapToLittleEndian(Uint8Array.of(0x01, 0x02, 0xff, 0x00), 16);
    expect(Array.from(readSamples({ ...base, bitsAllocated: 16, bitsStored: 16, highBit: 15 }, swapped))).toEqual([0x0102, 0xff00]);
  });
  it("reads 32-bit unsigned doses and 32-bit floats", () => {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, 3_000_000_000, true);
    new DataView(bytes.buffer).setUint32(4, 7, true);
    expect(Array.from(readSamples(base, bytes))).toEqual([3_000_000_000, 7]);
    new DataView(bytes.buffer).setFloat32(0, -1.5, true);
    expect(readSamples({ ...base, float: true }, bytes)[0]).toBe(-1.5);
  });
  it("refuses a frame shorter than its rows and columns say", () => {
    expect(() => readSamples(base, new Uint8Array(4))).toThrow("2 expected");
  });
});

import { describe, expect, it } from "vitest";
import type { DicomJsonDataset } from "./dicom-json";
import { isVolumeCapable, orderFrames } from "./order-instances";

function slice(uid: string, z: number | null, number: number | null, extra: DicomJsonDataset = {}): DicomJsonDataset {
  return {
    "00080018": { vr: "UI", Value: [uid] },
    ...(number !== null ? { "00200013": { vr: "IS", Value: [number] } } : {}),
    ...(z !== null ? { "00200032": { vr: "DS", Value: [-125, -125, z] }, "00200037": { vr: "DS", Value: [1, 0, 0, 0, 1, 0] } } : {}),
    "00280010": { vr: "US", Value: [512] },
    "00280011": { vr: "US", Value: [512] },
    "00200052": { vr: "UI", Value: ["1.2.3"] },
    ...extra,
  };
}

describe("stack order", () => {
  it("orders axial slices head first by position, whatever their numbering", () => {
    const frames = orderFrames([slice("a", 10, 3), slice("b", 30, 1), slice("c", 20, 2)]);
    expect(frames.map((f) => f.sopInstanceUid)).toEqual(["b", "c", "a"]);
  });

  it("falls back to instance numbers without positions, and expands multi-frame instances", () => {
    const multi = slice("m", null, 1, { "00280008": { vr: "IS", Value: ["3"] } });
    const frames = orderFrames([slice("x", null, 2), multi]);
    expect(frames.map((f) => `${f.sopInstanceUid}:${f.frame}`)).toEqual(["m:1", "m:2", "m:3", "x:1"]);
  });
});

describe("volume eligibility (MPR)", () => {
  it("accepts a regular stack of one size, orientation and frame of reference", () => {
    expect(isVolumeCapable([slice("a", 0, 1), slice("b", 1, 2), slice("c", 2, 3)])).toBe(true);
  });

  it("refuses too few slices, duplicate positions, mixed sizes or multi-frame instances", () => {
    expect(isVolumeCapable([slice("a", 0, 1), slice("b", 1, 2)])).toBe(false);
    expect(isVolumeCapable([slice("a", 0, 1), slice("b", 0, 2), slice("c", 2, 3)])).toBe(false);
    expect(isVolumeCapable([slice("a", 0, 1), slice("b", 1, 2), slice("c", 2, 3, { "00280010": { vr: "US", Value: [256] } })])).toBe(false);
    expect(isVolumeCapable([slice("a", 0, 1), slice("b", 1, 2), slice("c", 2, 3, { "00280008": { vr: "IS", Value: [2] } })])).toBe(false);
  });
});

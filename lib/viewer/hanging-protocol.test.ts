import { describe, expect, it } from "vitest";
import type { ViewerSeries } from "@/lib/domain/viewer-opening";
import { documentSeries, hangSeries, layoutById, matchingPriorSeries, orderSeriesForReading } from "./hanging-protocol";

const series = (uid: string, modality: string, count: number, description: string | null = null, number: number | null = null): ViewerSeries => ({
  seriesInstanceUid: uid,
  modality,
  instanceCount: count,
  description,
  number,
  content: modality === "SR" ? "STRUCTURED_REPORT" : "IMAGE",
});

describe("hanging protocol", () => {
  const study = [series("sr", "SR", 1), series("scout", "CT", 2, "SCOUT", 1), series("axial", "CT", 200, "CEREBRAL 1mm", 2), series("bone", "CT", 200, "OS 1mm", 3)];

  it("puts the largest image series first and leaves reports and empty series out", () => {
    expect(orderSeriesForReading(study).map((s) => s.seriesInstanceUid)).toEqual(["axial", "bone", "scout"]);
    expect(orderSeriesForReading([series("empty", "CT", 0)])).toEqual([]);
  });

  it("hangs image series whatever their Modality (OT, SC, empty) and lists the others as documents", () => {
    const mixed = [series("ot", "OT", 1, "SCREEN"), series("none", "", 3), { ...series("pdf", "DOC", 1), content: "ENCAPSULATED_DOCUMENT" as const }, series("sr", "SR", 1)];
    expect(orderSeriesForReading(mixed).map((s) => s.seriesInstanceUid)).toEqual(["none", "ot"]);
    expect(hangSeries(mixed, layoutById("1x1"))).toEqual(["none"]);
    expect(documentSeries(mixed).map((s) => s.seriesInstanceUid)).toEqual(["pdf", "sr"]);
  });

  it("fills each viewport of a layout in reading order, leaving the rest empty", () => {
    expect(hangSeries(study, layoutById("1x1"))).toEqual(["axial"]);
    expect(hangSeries(study, layoutById("1x2"))).toEqual(["axial", "bone"]);
    expect(hangSeries(study, layoutById("2x2"))).toEqual(["axial", "bone", "scout", null]);
  });

  it("hangs a prior on the series of the same modality and closest description", () => {
    const prior = [series("p-mr", "MR", 30, "T2 FLAIR"), series("p-bone", "CT", 150, "OS"), series("p-brain", "CT", 120, "CEREBRAL 5mm")];
    expect(matchingPriorSeries(study[2]!, prior)?.seriesInstanceUid).toBe("p-brain");
    expect(matchingPriorSeries(study[2]!, [])).toBeNull();
  });
});

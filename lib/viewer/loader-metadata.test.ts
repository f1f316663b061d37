import { describe, expect, it } from "vitest";
import type { DicomJsonDataset } from "./dicom-json";
import { metadataForLoader } from "./loader-metadata";

describe("the metadata handed to Cornerstone's image loader", () => {
  it("gives an instance without Modality an empty one (the loader would throw on it), leaving the received dataset untouched", () => {
    const received: DicomJsonDataset = { "00100010": { vr: "PN", Value: [{ Alphabetic: "DOE^JANE" }] } };
    const forLoader = metadataForLoader(received);
    expect(forLoader["00080060"]).toEqual({ vr: "CS", Value: [""] });
    expect(forLoader["00100010"]).toEqual(received["00100010"]);
    expect(received["00080060"]).toBeUndefined();
  });

  it("passes an instance with its Modality as it is", () => {
    const received: DicomJsonDataset = { "00080060": { vr: "CS", Value: ["CT"] } };
    expect(metadataForLoader(received)).toBe(received);
  });
});

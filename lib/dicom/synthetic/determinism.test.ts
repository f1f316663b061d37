import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chestRadiograph, ctHeadSeries, mrSeries, type SyntheticInstance, type SyntheticStudyOptions } from "./index";

const patient = { familyName: "Lefèvre", givenName: "Zoé", birthDate: "19811224", sex: "F", patientId: "DET-42" } as const;

function generateAll(seed: string): SyntheticInstance[] {
  const study: SyntheticStudyOptions = { seed, patient, accessionNumber: "ACC-1" };
  return [
    ...ctHeadSeries({ ...study, slices: 3, size: 64 }),
    ...ctHeadSeries({ ...study, slices: 3, size: 64, transferSyntax: "rle" }),
    chestRadiograph({ ...study, size: 128 }),
    chestRadiograph({ ...study, size: 128, transferSyntax: "rle" }),
    ...mrSeries({ ...study, slices: 3, size: 64 }),
  ];
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

describe("synthetic DICOM determinism", () => {
  it("writes byte-identical files for the same seed", () => {
    const first = generateAll("same-seed");
    const second = generateAll("same-seed");
    expect(second.map((instance) => sha256(instance.bytes))).toEqual(first.map((instance) => sha256(instance.bytes)));
    expect(second.map((instance) => instance.fileName)).toEqual(first.map((instance) => instance.fileName));
  });

  it("writes different files and UIDs for a different seed", () => {
    const first = generateAll("seed-one");
    const second = generateAll("seed-two");
    first.forEach((instance, index) => {
      const other = second[index];
      expect(other && sha256(other.bytes)).not.toBe(sha256(instance.bytes));
      expect(other?.sopInstanceUid).not.toBe(instance.sopInstanceUid);
      expect(other?.studyInstanceUid).not.toBe(instance.studyInstanceUid);
    });
  });

  it("gives every instance its own SOP Instance UID and keeps the RLE copy in the same study", () => {
    const instances = generateAll("uids");
    expect(new Set(instances.map((instance) => instance.sopInstanceUid)).size).toBe(instances.length);
    const ct = instances.filter((instance) => instance.fileName.startsWith("CT"));
    expect(new Set(ct.map((instance) => instance.studyInstanceUid)).size).toBe(1);
    expect(new Set(ct.map((instance) => instance.seriesInstanceUid)).size).toBe(2);
  });
});

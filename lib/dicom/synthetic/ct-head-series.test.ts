import { beforeAll, describe, expect, it } from "vitest";
import { CT_HEAD_SLICE_SPACING_MM, ctHeadSeries } from "./ct-head-series";
import { HEAD_PHANTOM } from "./phantom-head";
import { readBack, type ReadBackImage } from "./test-support";
import { type SyntheticStudyOptions } from "./types";

const study: SyntheticStudyOptions = {
  seed: "geometry",
  patient: { familyName: "Bernard", givenName: "Luc", birthDate: "19490203", sex: "M", patientId: "GEO-7" },
};

function numbers(image: ReadBackImage, tag: string): number[] {
  return (image.dataSet.string(tag) ?? "").split("\\").map(Number);
}

/** Hounsfield units at patient (x, y) of this slice, using the file's own geometry and rescale. */
function huAt(image: ReadBackImage, x: number, y: number): number {
  const [originX = 0, originY = 0] = numbers(image, "x00200032");
  const [rowSpacing = 1, columnSpacing = 1] = numbers(image, "x00280030");
  const column = Math.round((x - originX) / columnSpacing);
  const row = Math.round((y - originY) / rowSpacing);
  const stored = image.pixels[row * image.columns + column] ?? Number.NaN;
  return stored * (image.dataSet.floatString("x00281053") ?? 1) + (image.dataSet.floatString("x00281052") ?? 0);
}

describe("ctHeadSeries", () => {
  // 81 slices at 1 mm are centred on the head: z = -40 ... +40.
  let images: ReadBackImage[] = [];
  beforeAll(() => {
    images = [...ctHeadSeries({ ...study, slices: 81, size: 128 })].map((instance) => readBack(instance.bytes));
  });
  const atZ = (z: number): ReadBackImage => {
    const image = images.find((candidate) => numbers(candidate, "x00200032")[2] === z);
    if (!image) throw new Error(`no slice at z = ${z}`);
    return image;
  };

  it("steps ImagePositionPatient along z by the slice spacing, with matching slice location and numbering", () => {
    expect(images).toHaveLength(81);
    const firstZ = numbers(images[0] as ReadBackImage, "x00200032")[2] ?? Number.NaN;
    images.forEach((image, k) => {
      const [x, y, z] = numbers(image, "x00200032");
      expect(z).toBeCloseTo(firstZ + k * CT_HEAD_SLICE_SPACING_MM, 6);
      expect([x, y]).toEqual(numbers(images[0] as ReadBackImage, "x00200032").slice(0, 2));
      expect(image.dataSet.floatString("x00201041")).toBeCloseTo(z ?? Number.NaN, 6);
      expect(image.dataSet.intString("x00200013")).toBe(k + 1);
      expect(numbers(image, "x00200037")).toEqual([1, 0, 0, 0, 1, 0]);
      expect(image.dataSet.floatString("x00180050")).toBe(CT_HEAD_SLICE_SPACING_MM);
    });
    expect(numbers(images[0] as ReadBackImage, "x00280030")).toEqual([250 / 128, 250 / 128]);
  });

  it("stores plausible Hounsfield units at known phantom points", () => {
    const middle = atZ(0);
    const { haematoma, lateralVentricles } = HEAD_PHANTOM;
    expect(huAt(middle, -120, -120)).toBeLessThan(-980); // air in the corner
    expect(huAt(middle, 74 - 5 - 3.5, 0)).toBeGreaterThan(1000); // middle of the skull shell
    const whiteMatter = huAt(middle, -30, 40);
    expect(whiteMatter).toBeGreaterThanOrEqual(15);
    expect(whiteMatter).toBeLessThanOrEqual(45);
    const [ventricleX, ventricleY, ventricleZ] = lateralVentricles[1].center;
    const csf = huAt(atZ(ventricleZ), ventricleX, ventricleY);
    expect(csf).toBeGreaterThanOrEqual(-5);
    expect(csf).toBeLessThanOrEqual(15);
    const [lesionX, lesionY, lesionZ] = haematoma.center;
    const lesion = huAt(atZ(lesionZ), lesionX, lesionY);
    expect(lesion).toBeGreaterThanOrEqual(60);
    expect(lesion).toBeLessThanOrEqual(85);
    expect(huAt(atZ(lesionZ - haematoma.radius - 5), lesionX, lesionY)).toBeLessThan(50); // only in some slices
  });

  it("writes 16-bit signed MONOCHROME2 CT with the patient, study and accession attributes", () => {
    const [instance] = [...ctHeadSeries({ ...study, accessionNumber: "ACC77", slices: 1, size: 16 })];
    if (!instance) throw new Error("no slice");
    const { dataSet } = readBack(instance.bytes);
    expect(dataSet.string("x00080016")).toBe("1.2.840.10008.5.1.4.1.1.2");
    expect(dataSet.string("x00020003")).toBe(instance.sopInstanceUid);
    expect(dataSet.string("x00080018")).toBe(instance.sopInstanceUid);
    expect(dataSet.string("x0020000d")).toBe(instance.studyInstanceUid);
    expect(dataSet.string("x0020000e")).toBe(instance.seriesInstanceUid);
    expect(dataSet.string("x00100010")).toBe("Bernard^Luc");
    expect(dataSet.string("x00080050")).toBe("ACC77");
    expect(dataSet.string("x00080060")).toBe("CT");
    expect(dataSet.string("x00180015")).toBe("HEAD");
    expect([0x00280100, 0x00280101, 0x00280102, 0x00280103].map((tag) => dataSet.uint16(`x${tag.toString(16).padStart(8, "0")}`))).toEqual([16, 16, 15, 1]);
    expect(dataSet.string("x00280004")).toBe("MONOCHROME2");
    expect(dataSet.floatString("x00281052")).toBe(-1024);
    expect(dataSet.string("x00281050")).toBe("40\\600");
    expect(instance.fileName).toBe("CT000001.dcm");
  });

  it("leaves the accession number empty when absent", () => {
    const [instance] = [...ctHeadSeries({ ...study, slices: 1, size: 16 })];
    const { dataSet } = readBack(instance?.bytes ?? new Uint8Array());
    expect(dataSet.elements.x00080050?.length).toBe(0);
  });
});

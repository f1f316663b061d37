// The files must satisfy the reference tools, not only our own reader: DCMTK's dcmdump parses
// them, dcmdrle decodes the RLE copies, and dicom3tools' dciodvfy checks each IOD's attributes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chestRadiograph, ctHeadSeries, mrSeries, type SyntheticStudyOptions } from "./index";
import { firstDifference, readBack, run, toolAvailable } from "./test-support";

const study: SyntheticStudyOptions = {
  seed: "validity",
  patient: { familyName: "Dupré", givenName: "Hélène", birthDate: "19560312", sex: "F", patientId: "VAL-0001" },
  accessionNumber: "A2025-0001",
  institutionName: "CH Intercommunal",
};

let directory = "";
const files: string[] = [];

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), "synthetic-dicom-"));
  const instances = [
    ...[...ctHeadSeries({ ...study, slices: 2 })].map((instance) => ({ ...instance, fileName: `plain-${instance.fileName}` })),
    ...[...ctHeadSeries({ ...study, slices: 2, size: 128, transferSyntax: "rle" })].map((instance) => ({ ...instance, fileName: `rle-${instance.fileName}` })),
    chestRadiograph({ ...study, size: 512 }),
    { ...chestRadiograph({ ...study, size: 512, transferSyntax: "rle" }), fileName: "rle-DX000001.dcm" },
    ...mrSeries({ ...study, slices: 2 }),
  ];
  for (const instance of instances) {
    const file = path.join(directory, instance.fileName);
    writeFileSync(file, instance.bytes);
    files.push(file);
  }
});

afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe("synthetic DICOM against DCMTK and dicom3tools", () => {
  it("parses with dcmdump: exit 0 and no error lines", () => {
    for (const file of files) {
      const { status, output } = run("dcmdump", [file]);
      expect({ file, status }).toEqual({ file, status: 0 });
      expect(output).not.toMatch(/^E:/m);
      expect(output).not.toMatch(/error/i);
    }
  });

  it("decodes the RLE copies with dcmdrle to the same pixels as the uncompressed files", () => {
    for (const [rleName, plainName] of [
      ["rle-DX000001.dcm", "DX000001.dcm"],
      ["rle-CT000002.dcm", undefined],
    ] as const) {
      const decodedFile = path.join(directory, `decoded-${rleName}`);
      const { status, output } = run("dcmdrle", [path.join(directory, rleName), decodedFile]);
      expect({ status, output }).toEqual({ status: 0, output: "" });
      const byDcmtk = readBack(readFileSync(decodedFile));
      const byOurDecoder = readBack(readFileSync(path.join(directory, rleName)));
      expect(byDcmtk.transferSyntaxUid).not.toBe("1.2.840.10008.1.2.5");
      expect(byDcmtk.pixels.length).toBe(byDcmtk.rows * byDcmtk.columns);
      expect(firstDifference(byDcmtk.pixels, byOurDecoder.pixels)).toBe(-1);
      if (plainName) expect(firstDifference(byDcmtk.pixels, readBack(readFileSync(path.join(directory, plainName))).pixels)).toBe(-1);
    }
  });

  it.skipIf(!toolAvailable("dciodvfy"))("passes dciodvfy without errors for every IOD", () => {
    for (const file of files) {
      const { output } = run("dciodvfy", [file]);
      const errors = output.split("\n").filter((line) => line.includes("Error"));
      expect({ file, errors }).toEqual({ file, errors: [] });
    }
  });
});

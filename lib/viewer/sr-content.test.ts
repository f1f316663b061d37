import { readFileSync } from "node:fs";
import dcmjs from "dcmjs";
import { describe, expect, it } from "vitest";
import { pydicomFile } from "@/lib/testing/corpus/public-dicom-files";
import type { DicomJsonDataset } from "./dicom-json";
import { readSrTree, srTextLines } from "./sr-content";

const code = (meaning: string, value = meaning, scheme = "DCM") => ({ vr: "SQ", Value: [{ "00080100": { vr: "SH", Value: [value] }, "00080102": { vr: "SH", Value: [scheme] }, "00080104": { vr: "LO", Value: [meaning] } }] });

describe("reading a structured report", () => {
  it("reads concept names, values with their units and nested containers", () => {
    const report: DicomJsonDataset = {
      "0040A040": { vr: "CS", Value: ["CONTAINER"] },
      "0040A043": code("Imaging Measurement Report"),
      "0040A730": {
        vr: "SQ",
        Value: [
          { "0040A010": { vr: "CS", Value: ["CONTAINS"] }, "0040A040": { vr: "CS", Value: ["TEXT"] }, "0040A043": code("Finding"), "0040A160": { vr: "UT", Value: ["Nodule lobaire supérieur droit"] } },
          {
            "0040A010": { vr: "CS", Value: ["CONTAINS"] },
            "0040A040": { vr: "CS", Value: ["CONTAINER"] },
            "0040A043": code("Measurements"),
            "0040A730": {
              vr: "SQ",
              Value: [
                {
                  "0040A040": { vr: "CS", Value: ["NUM"] },
                  "0040A043": code("Diameter"),
                  "0040A300": { vr: "SQ", Value: [{ "0040A30A": { vr: "DS", Value: ["12.5"] }, "004008EA": code("millimeter", "mm", "UCUM") }] },
                },
                { "0040A040": { vr: "CS", Value: ["CODE"] }, "0040A043": code("Laterality"), "0040A168": code("Right") },
              ],
            },
          },
        ],
      },
    };
    const tree = readSrTree(report);
    expect(tree?.name).toBe("Imaging Measurement Report");
    expect(srTextLines(tree!)).toEqual(["Imaging Measurement Report", "  Finding : Nodule lobaire supérieur droit", "  Measurements", "    Diameter : 12.5 mm", "    Laterality : Right"]);
  });

  it("reads pydicom's real SR (test-SR.dcm) into readable lines, and is not fooled by an image", () => {
    const file = readFileSync(pydicomFile("test_files/test-SR.dcm"));
    const dataset = dcmjs.data.DicomMessage.readFile(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)).dict as DicomJsonDataset;
    const lines = srTextLines(readSrTree(dataset)!);
    expect(lines[0]).toBe("Diagnosis");
    expect(lines).toContain("  Diameter : 3 Length Unit");
    expect(lines).toContain("    Date : 20001206");
    expect(readSrTree({ "00080060": { vr: "CS", Value: ["OT"] } })).toBeNull();
  });
});

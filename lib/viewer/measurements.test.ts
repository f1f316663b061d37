import { describe, expect, it } from "vitest";
import { formatMeasurement, readMeasurements } from "./measurements";

const names = { length: "Longueur", angle: "Angle", mean: "Moyenne", stdDev: "Écart-type", area: "Aire", value: "Valeur" };

describe("measurements for the report", () => {
  it("reads lengths, angles, ROIs (HU) and probes from the annotation state", () => {
    const measurements = readMeasurements([
      { annotationUID: "1", metadata: { toolName: "Length", referencedImageId: "wadors:x" }, data: { cachedStats: { "imageId:x": { length: 42.06, unit: "mm" } } } },
      { annotationUID: "2", metadata: { toolName: "Angle" }, data: { cachedStats: { t: { angle: 90 } } } },
      { annotationUID: "3", metadata: { toolName: "EllipticalROI" }, data: { cachedStats: { t: { mean: 38.2, stdDev: 3.1, area: 120.5, areaUnit: "mm²", modalityUnit: "HU" } } } },
      { annotationUID: "4", metadata: { toolName: "Probe" }, data: { cachedStats: { t: { value: -998, modalityUnit: "HU" } } } },
    ]);
    expect(measurements.map((m) => m.kind)).toEqual(["length", "angle", "ellipse", "probe"]);
    expect(measurements[0]).toEqual({ id: "1", kind: "length", imageId: "wadors:x", values: [{ name: "length", value: 42.06, unit: "mm" }] });
    expect(measurements[2]!.values).toEqual([
      { name: "mean", value: 38.2, unit: "HU" },
      { name: "stdDev", value: 3.1, unit: "HU" },
      { name: "area", value: 120.5, unit: "mm²" },
    ]);
  });

  it("leaves out other tools and annotations whose figures are not computed yet", () => {
    expect(readMeasurements([{ annotationUID: "5", metadata: { toolName: "Crosshairs" }, data: { cachedStats: {} } }])).toEqual([]);
    expect(readMeasurements([{ annotationUID: "6", metadata: { toolName: "Length" }, data: { cachedStats: { t: { length: null } } } }])).toEqual([]);
  });

  it("formats a line the report can quote, in French or English", () => {
    const [length] = readMeasurements([{ annotationUID: "1", metadata: { toolName: "Length" }, data: { cachedStats: { t: { length: 156.25, unit: "mm" } } } }]);
    expect(formatMeasurement(length!, names, "fr")).toBe("Longueur : 156,3 mm");
    expect(formatMeasurement(length!, { ...names, length: "Length" }, "en")).toBe("Length: 156.3 mm");
  });
});

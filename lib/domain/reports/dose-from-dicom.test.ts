import { describe, expect, it } from "vitest";
import { contrastFromDicom, doseFromDicom } from "./dose-from-dicom";

/** A CT slice as the archive stores it (DICOM JSON model). */
function ctSlice(z: number, options: { series?: string; ctdi?: number | string; thickness?: number | string; imageType?: string[] } = {}) {
  return {
    "00080060": { vr: "CS", Value: ["CT"] },
    "00080008": { vr: "CS", Value: options.imageType ?? ["ORIGINAL", "PRIMARY", "AXIAL"] },
    "00080070": { vr: "LO", Value: ["SIEMENS"] },
    "00081090": { vr: "LO", Value: ["SOMATOM Force"] },
    "00081010": { vr: "SH", Value: ["CT_URG"] },
    "0020000E": { vr: "UI", Value: [options.series ?? "1.2.3.1"] },
    "00200032": { vr: "DS", Value: [-120.5, -200, z] },
    "00180050": { vr: "DS", Value: [options.thickness ?? 5] },
    ...(options.ctdi === undefined ? {} : { "00189345": { vr: "FD", Value: [options.ctdi] } }),
  };
}

/** Slices every `step` mm from `from` to `to` included. */
function series(from: number, to: number, step: number, options: Parameters<typeof ctSlice>[1]) {
  const slices = [];
  for (let z = from; z <= to; z += step) slices.push(ctSlice(z, options));
  return slices;
}

describe("equipment and dose from the images", () => {
  it("names the device by manufacturer, model and station", () => {
    expect(doseFromDicom("CT", [ctSlice(0)]).equipment).toBe("SIEMENS SOMATOM Force (CT_URG)");
    expect(doseFromDicom("DX", [{ "00081010": { vr: "SH", Value: ["RX2"] } }]).equipment).toBe("RX2");
    expect(doseFromDicom("DX", [{ "00080070": { vr: "LO", Value: ["Philips"] }, "00081090": { vr: "LO", Value: ["Philips DigitalDiagnost"] } }]).equipment).toBe(
      "Philips DigitalDiagnost",
    );
  });

  it("estimates a CT's DLP as CTDIvol × scanned length (z extent plus one slice)", () => {
    // 0..150 mm + 5 mm = 15.5 cm × 45.4 mGy = 703.7 mGy·cm
    const result = doseFromDicom("CT", series(0, 150, 5, { ctdi: 45.4 }));
    expect(result.dose).toEqual({ value: 703.7, unit: "mGy·cm", source: "CTDIvol × longueur" });
  });

  it("accepts DS values written as strings", () => {
    const slices = series(-100, 0, 10, { ctdi: "10", thickness: "10" });
    expect(doseFromDicom("CT", slices).dose?.value).toBe(110); // 11 cm × 10 mGy
  });

  it("sums acquisitions but does not count a reconstruction or the localizer twice", () => {
    const acquisitions = [
      ...series(0, 150, 5, { series: "a", ctdi: 40 }), // 15.5 cm × 40 = 620
      ...series(0, 150, 1, { series: "a-thin", ctdi: 40, thickness: 1 }), // reconstruction of a
      ...series(200, 295, 5, { series: "b", ctdi: 10 }), // 10 cm × 10 = 100
      ctSlice(0, { series: "scout", ctdi: 0.5, imageType: ["ORIGINAL", "PRIMARY", "LOCALIZER"] }),
    ];
    expect(doseFromDicom("CT", acquisitions).dose?.value).toBe(720);
  });

  it("has no CT dose without CTDIvol or slice positions", () => {
    expect(doseFromDicom("CT", series(0, 100, 5, {})).dose).toBeNull();
    expect(doseFromDicom("CT", [{ "00189345": { vr: "FD", Value: [40] } }]).dose).toBeNull();
  });

  it("converts the radiograph's dose-area product from dGy·cm² to mGy·cm², summing exposures", () => {
    const exposure = (dap: number, intent = "FOR PRESENTATION") => ({
      "00080060": { vr: "CS", Value: ["DX"] },
      "00080068": { vr: "CS", Value: [intent] },
      "0018115E": { vr: "DS", Value: [dap] },
    });
    expect(doseFromDicom("DX", [exposure(0.12), exposure(0.05), exposure(0.12, "FOR PROCESSING")]).dose).toEqual({
      value: 17,
      unit: "mGy·cm²",
      source: "Produit dose·surface DICOM (0018,115E)",
    });
    expect(doseFromDicom("CR", [exposure(0.031)]).dose?.value).toBe(3.1);
    expect(doseFromDicom("DX", [{ "00080060": { vr: "CS", Value: ["DX"] } }]).dose).toBeNull();
  });

  it("prefers the act's own images over other objects of the study", () => {
    const doseReport = { "00080060": { vr: "CS", Value: ["SR"] }, "00080070": { vr: "LO", Value: ["Dose Reporter"] }, "00081090": { vr: "LO", Value: ["X"] }, "00081010": { vr: "SH", Value: ["Y"] } };
    expect(doseFromDicom("CT", [doseReport, ctSlice(0)]).equipment).toBe("SIEMENS SOMATOM Force (CT_URG)");
  });

  it("never throws on malformed metadata and finds nothing in it", () => {
    const junk: unknown[] = [
      null,
      42,
      "text",
      [],
      { "00080070": null },
      { "00080070": { vr: "LO", Value: "not an array" } },
      { "00080070": { vr: "LO", Value: [{ Alphabetic: "x" }] } },
      { "00189345": { vr: "FD", Value: [NaN] }, "00200032": { vr: "DS", Value: [1] } },
      { "00189345": { vr: "FD", Value: ["abc"] }, "00200032": { vr: "DS", Value: [0, 0, "z"] } },
      { "0018115E": { vr: "DS", Value: [-1] } },
    ];
    for (const modality of ["CT", "DX", "MR"] as const) expect(doseFromDicom(modality, junk)).toEqual({ equipment: null, dose: null });
    expect(doseFromDicom("CT", null as unknown as unknown[])).toEqual({ equipment: null, dose: null });
  });

  it("gives no dose for modalities it cannot estimate", () => {
    expect(doseFromDicom("MR", series(0, 100, 5, { ctdi: 10 })).dose).toBeNull();
    expect(doseFromDicom("NM", []).dose).toBeNull();
  });
});

describe("the contrast agent recorded by the modality", () => {
  const el = (vr: string, value: unknown) => ({ vr, Value: [value] });
  it("reads product, largest volume and a recognisable route", () => {
    const a = { "00180010": el("LO", "Iomeron 350 "), "00181040": el("LO", "IV"), "00181041": el("DS", 50) };
    const b = { "00181041": el("DS", "70") };
    expect(contrastFromDicom([a, b])).toEqual({ product: "Iomeron 350", volume: 70, route: "Intraveineuse" });
  });
  it("answers nothing rather than guessing from empty or absurd values", () => {
    expect(contrastFromDicom([{ "00181041": el("DS", 5000), "00181040": el("LO", "XYZ") }])).toEqual({ product: null, volume: null, route: null });
    expect(contrastFromDicom([])).toEqual({ product: null, volume: null, route: null });
  });
});

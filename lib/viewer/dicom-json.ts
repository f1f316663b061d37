// Reading values out of the DICOM JSON model (PS3.18 F.2) as the server's metadata gives it.

export type DicomJsonDataset = Record<string, { vr?: string; Value?: unknown[]; BulkDataURI?: string } | undefined>;

export function firstValue(dataset: DicomJsonDataset, tag: string): unknown {
  return dataset[tag]?.Value?.[0];
}

export function stringValue(dataset: DicomJsonDataset, tag: string): string | null {
  const value = firstValue(dataset, tag);
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  return null;
}

export function numberValue(dataset: DicomJsonDataset, tag: string): number | null {
  const value = firstValue(dataset, tag);
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
}

export function numberValues(dataset: DicomJsonDataset, tag: string): number[] | null {
  const values = dataset[tag]?.Value;
  if (!values || values.length === 0) return null;
  const numbers = values.map((v) => (typeof v === "number" ? v : Number(v)));
  return numbers.every(Number.isFinite) ? numbers : null;
}

/** PN in DICOM JSON: { Alphabetic: "FAMILY^GIVEN" }; shown "FAMILY Given". */
export function personName(dataset: DicomJsonDataset, tag: string): string | null {
  const value = firstValue(dataset, tag);
  const alphabetic = typeof value === "object" && value !== null ? (value as { Alphabetic?: unknown }).Alphabetic : null;
  if (typeof alphabetic !== "string" || alphabetic.trim() === "") return null;
  const [family = "", given = ""] = alphabetic.split("^");
  return [family.trim(), given.trim()].filter(Boolean).join(" ");
}

export const TAGS = {
  sopInstanceUid: "00080018",
  studyDate: "00080020",
  modality: "00080060",
  seriesDescription: "0008103E",
  patientName: "00100010",
  patientId: "00100020",
  patientBirthDate: "00100030",
  patientSex: "00100040",
  sliceThickness: "00180050",
  instanceNumber: "00200013",
  patientOrientation: "00200020",
  imagePosition: "00200032",
  imageOrientation: "00200037",
  frameOfReference: "00200052",
  sliceLocation: "00201041",
  rows: "00280010",
  columns: "00280011",
  pixelSpacing: "00280030",
  numberOfFrames: "00280008",
  windowCenter: "00281050",
  windowWidth: "00281051",
} as const;

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
/**
 * A person name as a reader sees it: "FAMILY Given", with the ideographic form beside it when
 * there is one ("Yamada Tarou (山田 太郎)"); a name written only in ideographic or phonetic
 * characters is shown in them rather than not at all.
 */
export function personName(dataset: DicomJsonDataset, tag: string): string | null {
  const value = firstValue(dataset, tag);
  if (typeof value !== "object" || value === null) return null;
  const groups = value as { Alphabetic?: unknown; Ideographic?: unknown; Phonetic?: unknown };
  const shown = [groups.Alphabetic, groups.Ideographic, groups.Phonetic].map(componentsOf).filter((name): name is string => name !== null);
  const [first, second] = shown;
  if (first === undefined) return null;
  return second === undefined ? first : `${first} (${second})`;
}

function componentsOf(group: unknown): string | null {
  if (typeof group !== "string" || group.trim() === "") return null;
  const [family = "", given = ""] = group.split("^");
  return [family.trim(), given.trim()].filter(Boolean).join(" ") || null;
}

export const TAGS = {
  sopInstanceUid: "00080018",
  studyDate: "00080020",
  studyTime: "00080030",
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

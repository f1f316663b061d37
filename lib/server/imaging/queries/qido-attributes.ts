import type { DicomJsonDataset, DicomJsonElement } from "@/lib/dicom/dicom-json";

// Building DICOM JSON results: one element per attribute, empty values left out.

export function element(vr: string, value: string | number | null | undefined): DicomJsonElement | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (vr === "PN") return { vr, Value: [{ Alphabetic: String(value) }] };
  return { vr, Value: [value] };
}

export function dataset(entries: Record<string, DicomJsonElement | undefined>): DicomJsonDataset {
  const result: DicomJsonDataset = {};
  for (const tag of Object.keys(entries).sort()) {
    const value = entries[tag];
    if (value) result[tag] = value;
  }
  return result;
}

/** Adds requested attributes from an instance's stored metadata (includefield). */
export function withIncludedFields(base: DicomJsonDataset, metadata: DicomJsonDataset | null, include: Set<string> | "all"): DicomJsonDataset {
  if (!metadata) return base;
  // Pixel data is bulk data: WADO-RS serves it, QIDO-RS never does.
  if (include === "all") return dataset({ ...metadata, "7FE00010": undefined, ...base });
  const extra: Record<string, DicomJsonElement | undefined> = {};
  for (const tag of include) if (!(tag in base)) extra[tag] = metadata[tag];
  return dataset({ ...base, ...extra });
}

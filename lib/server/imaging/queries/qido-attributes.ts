import { personNameGroups, type DicomJsonDataset, type DicomJsonElement } from "@/lib/dicom/dicom-json";
import { keyOfTag, type QidoLevel } from "./qido-keys";

// Building DICOM JSON results: one element per attribute, empty values left out unless asked.

export function element(vr: string, value: string | number | null | undefined): DicomJsonElement | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  // Names are stored with all their component groups ("Yamada^Tarou=山田^太郎=やまだ^たろう").
  if (vr === "PN") return { vr, Value: [personNameGroups(String(value))] };
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

/**
 * Universal matching returns the attribute (PS3.4 C.2.2.2.4): a key asked empty that the entity
 * has no value for is answered as a zero-length element, so the client sees it was considered.
 * Only for the levels the answer carries: a study's series do not repeat the study's keys.
 */
export function withReturnedKeys(base: DicomJsonDataset, returnTags: Set<string>, levels: readonly QidoLevel[]): DicomJsonDataset {
  const extra: Record<string, DicomJsonElement | undefined> = {};
  for (const tag of returnTags) {
    const key = keyOfTag(tag);
    if (key && levels.includes(key.level) && !(tag in base)) extra[tag] = { vr: key.vr };
  }
  return Object.keys(extra).length === 0 ? base : dataset({ ...base, ...extra });
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

import type { DicomJsonDataset, DicomJsonElement } from "@/lib/dicom/dicom-json";
import { keyOfTag, type QidoLevel } from "../queries/qido-keys";
import { parseQidoQuery, type QidoQuery } from "../queries/qido-query";

// A C-FIND identifier of the Study Root model (PS3.4 C.4.1.1.3), read into the QIDO-RS query the
// archive already matches with (queries/): the same keys, wildcards, ranges and lists, so a
// PACS and a DICOMweb client find the same studies. Pure.
//
// Decisions, stated in docs/conformance.md:
// - Levels STUDY, SERIES and IMAGE. PATIENT is not a level of Study Root: patient keys
//   (PatientName, PatientID, PatientBirthDate...) are study-level keys there.
// - Hierarchical search only (no relational queries): a key of a level below the one asked is
//   neither matched nor returned. Keys of the levels above restrict the search, as the upper
//   levels' unique keys do.
// - A key the archive does not match on is returned (with a value when one is stored, else
//   empty), never used to filter.

export type QueryRetrieveLevel = "STUDY" | "SERIES" | "IMAGE";

export const QUERY_RETRIEVE_LEVEL_TAG = "00080052";
const SPECIFIC_CHARACTER_SET_TAG = "00080005";

const LEVEL_DEPTH: Record<QueryRetrieveLevel, number> = { STUDY: 0, SERIES: 1, IMAGE: 2 };
const KEY_DEPTH: Record<QidoLevel, number> = { study: 0, series: 1, instance: 2 };
export const QIDO_LEVEL: Record<QueryRetrieveLevel, QidoLevel> = { STUDY: "study", SERIES: "series", IMAGE: "instance" };

export interface ReturnKey {
  tag: string;
  vr: string;
}

export interface FindIdentifier {
  level: QueryRetrieveLevel;
  query: QidoQuery;
  /** The attributes each answer carries, in the identifier's order (QueryRetrieveLevel apart). */
  returnKeys: ReturnKey[];
  /** The matching keys as the peer sent them, for the audit (tag → value). */
  keys: Record<string, string>;
}

export type IdentifierRead = { ok: true; identifier: FindIdentifier } | { ok: false; message: string };

/** The level of a C-FIND, C-MOVE or C-GET identifier, or the reason it has none the archive serves. */
export function readLevel(identifier: DicomJsonDataset): { ok: true; level: QueryRetrieveLevel } | { ok: false; message: string } {
  const level = valueText(identifier[QUERY_RETRIEVE_LEVEL_TAG]).trim().toUpperCase();
  if (level === "STUDY" || level === "SERIES" || level === "IMAGE") return { ok: true, level };
  if (level === "PATIENT") return { ok: false, message: "PATIENT is not a level of Study Root: ask STUDY with patient keys" };
  return { ok: false, message: level ? `unknown QueryRetrieveLevel "${level.slice(0, 16)}"` : "QueryRetrieveLevel (0008,0052) is missing" };
}

export function readFindIdentifier(identifier: DicomJsonDataset): IdentifierRead {
  const read = readLevel(identifier);
  if (!read.ok) return read;
  const { level } = read;
  const params = new URLSearchParams();
  const returnKeys: ReturnKey[] = [];
  const keys: Record<string, string> = {};
  for (const [tag, element] of Object.entries(identifier)) {
    if (tag === QUERY_RETRIEVE_LEVEL_TAG || tag === SPECIFIC_CHARACTER_SET_TAG || tag.startsWith("0000") || tag.startsWith("0002")) continue;
    const known = keyOfTag(tag);
    if (known && KEY_DEPTH[known.level] > LEVEL_DEPTH[level]) continue;
    // Sequences are returned empty: sequence matching is not supported (PS3.4 C.2.2.2.6 is optional).
    returnKeys.push({ tag, vr: known?.vr ?? element.vr });
    if (!known || element.vr === "SQ") continue;
    const value = valueText(element);
    if (value !== "") keys[tag] = value.slice(0, 256);
    params.append(known.keyword, value);
  }
  const parsed = parseQidoQuery(params);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, identifier: { level, query: parsed.query, returnKeys, keys } };
}

/** An element's value in its DICOM string form: values joined by `\`, a name's groups by `=`. */
export function valueText(element: DicomJsonElement | undefined): string {
  if (!element?.Value || element.Value.length === 0) return "";
  return element.Value.map((value) => {
    if (value === null || value === undefined) return "";
    if (typeof value === "object") {
      const name = value as { Alphabetic?: string; Ideographic?: string; Phonetic?: string };
      return [name.Alphabetic ?? "", name.Ideographic ?? "", name.Phonetic ?? ""].join("=").replace(/=+$/, "");
    }
    return String(value);
  }).join("\\");
}

// The attributes QIDO-RS knows (PS3.18 Table 6.7.1-1 and 6.7.1-2: the required matching and
// return keys of each level), with their VR, level and how a value matches. Pure.

export type QidoLevel = "study" | "series" | "instance";

/**
 * uid: list of UIDs; text: single value or wildcard, case-sensitive; code: a code string, single,
 * wildcard or a backslash list; person: PN (case-insensitive, fuzzy on demand); date/time:
 * ranges; integer: IS single value; null: returned, never matched (counts, retrieve URL).
 */
export type MatchKind = "uid" | "text" | "code" | "person" | "date" | "time" | "integer" | null;

export interface QidoKey {
  keyword: string;
  tag: string;
  vr: string;
  level: QidoLevel;
  match: MatchKind;
}

const KEYS: QidoKey[] = [
  { keyword: "StudyDate", tag: "00080020", vr: "DA", level: "study", match: "date" },
  { keyword: "StudyTime", tag: "00080030", vr: "TM", level: "study", match: "time" },
  { keyword: "AccessionNumber", tag: "00080050", vr: "SH", level: "study", match: "text" },
  { keyword: "InstanceAvailability", tag: "00080056", vr: "CS", level: "study", match: null },
  { keyword: "ModalitiesInStudy", tag: "00080061", vr: "CS", level: "study", match: "code" },
  { keyword: "ReferringPhysicianName", tag: "00080090", vr: "PN", level: "study", match: "person" },
  { keyword: "StudyDescription", tag: "00081030", vr: "LO", level: "study", match: "text" },
  { keyword: "PatientName", tag: "00100010", vr: "PN", level: "study", match: "person" },
  { keyword: "PatientID", tag: "00100020", vr: "LO", level: "study", match: "text" },
  { keyword: "IssuerOfPatientID", tag: "00100021", vr: "LO", level: "study", match: "text" },
  { keyword: "PatientBirthDate", tag: "00100030", vr: "DA", level: "study", match: "date" },
  { keyword: "PatientSex", tag: "00100040", vr: "CS", level: "study", match: "code" },
  { keyword: "StudyInstanceUID", tag: "0020000D", vr: "UI", level: "study", match: "uid" },
  { keyword: "StudyID", tag: "00200010", vr: "SH", level: "study", match: "text" },
  { keyword: "NumberOfStudyRelatedSeries", tag: "00201206", vr: "IS", level: "study", match: null },
  { keyword: "NumberOfStudyRelatedInstances", tag: "00201208", vr: "IS", level: "study", match: null },
  { keyword: "Modality", tag: "00080060", vr: "CS", level: "series", match: "code" },
  { keyword: "SeriesDescription", tag: "0008103E", vr: "LO", level: "series", match: "text" },
  { keyword: "BodyPartExamined", tag: "00180015", vr: "CS", level: "series", match: "code" },
  { keyword: "SeriesInstanceUID", tag: "0020000E", vr: "UI", level: "series", match: "uid" },
  { keyword: "SeriesNumber", tag: "00200011", vr: "IS", level: "series", match: "integer" },
  { keyword: "NumberOfSeriesRelatedInstances", tag: "00201209", vr: "IS", level: "series", match: null },
  { keyword: "PerformedProcedureStepStartDate", tag: "00400244", vr: "DA", level: "series", match: "date" },
  { keyword: "PerformedProcedureStepStartTime", tag: "00400245", vr: "TM", level: "series", match: "time" },
  { keyword: "SOPClassUID", tag: "00080016", vr: "UI", level: "instance", match: "uid" },
  { keyword: "SOPInstanceUID", tag: "00080018", vr: "UI", level: "instance", match: "uid" },
  { keyword: "InstanceNumber", tag: "00200013", vr: "IS", level: "instance", match: "integer" },
  { keyword: "NumberOfFrames", tag: "00280008", vr: "IS", level: "instance", match: null },
  { keyword: "Rows", tag: "00280010", vr: "US", level: "instance", match: null },
  { keyword: "Columns", tag: "00280011", vr: "US", level: "instance", match: null },
  { keyword: "BitsAllocated", tag: "00280100", vr: "US", level: "instance", match: null },
];

const BY_TAG = new Map(KEYS.map((key) => [key.tag, key]));
const BY_KEYWORD = new Map(KEYS.map((key) => [key.keyword, key]));
const TAG = /^[0-9A-Fa-f]{8}$/;

/** The key a parameter names (keyword, or tag in 8 hex digits), or null when the server does not know it. */
export function qidoKey(keywordOrTag: string): QidoKey | null {
  if (TAG.test(keywordOrTag)) return BY_TAG.get(keywordOrTag.toUpperCase()) ?? null;
  return BY_KEYWORD.get(keywordOrTag) ?? null;
}

/** A tag for includefield: a known keyword, or any tag in 8 hex digits (read from stored metadata). */
export function includeTag(keywordOrTag: string): string | null {
  if (TAG.test(keywordOrTag)) return keywordOrTag.toUpperCase();
  return BY_KEYWORD.get(keywordOrTag)?.tag ?? null;
}

export function keyOfTag(tag: string): QidoKey | null {
  return BY_TAG.get(tag) ?? null;
}

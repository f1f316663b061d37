// QIDO-RS query parameters (PS3.18 8.3.4): attribute matching by keyword or tag, includefield,
// limit and offset. Pure: turns a URLSearchParams into a typed query or a 400 message.

export interface QidoQuery {
  match: Map<string, string>;
  /** Tags (8 hex digits, upper case) to add to each result; "all" for everything stored. */
  includeFields: Set<string> | "all";
  limit: number;
  offset: number;
  fuzzy: boolean;
}

export const MAX_QIDO_LIMIT = 1000;

/** Keywords the server matches on or can include, by tag. */
export const QIDO_KEYWORDS: Record<string, string> = {
  StudyDate: "00080020",
  StudyTime: "00080030",
  AccessionNumber: "00080050",
  ModalitiesInStudy: "00080061",
  ReferringPhysicianName: "00080090",
  StudyDescription: "00081030",
  PatientName: "00100010",
  PatientID: "00100020",
  PatientBirthDate: "00100030",
  PatientSex: "00100040",
  StudyInstanceUID: "0020000D",
  StudyID: "00200010",
  Modality: "00080060",
  SeriesDescription: "0008103E",
  SeriesNumber: "00200011",
  SeriesInstanceUID: "0020000E",
  BodyPartExamined: "00180015",
  SOPClassUID: "00080016",
  SOPInstanceUID: "00080018",
  InstanceNumber: "00200013",
  Rows: "00280010",
  Columns: "00280011",
  NumberOfFrames: "00280008",
  BitsAllocated: "00280100",
  NumberOfStudyRelatedSeries: "00201206",
  NumberOfStudyRelatedInstances: "00201208",
  NumberOfSeriesRelatedInstances: "00201209",
};

const TAG = /^[0-9A-Fa-f]{8}$/;

export type QidoParse = { ok: true; query: QidoQuery } | { ok: false; message: string };

export function parseQidoQuery(params: URLSearchParams): QidoParse {
  const match = new Map<string, string>();
  let includeFields: Set<string> | "all" = new Set();
  let limit = MAX_QIDO_LIMIT;
  let offset = 0;
  let fuzzy = false;

  for (const [rawKey, value] of params) {
    const key = rawKey.trim();
    const lower = key.toLowerCase();
    if (lower === "limit" || lower === "offset") {
      if (!/^[0-9]{1,9}$/.test(value)) return { ok: false, message: `${key} must be a non-negative integer` };
      if (lower === "limit") limit = Math.min(Number(value), MAX_QIDO_LIMIT);
      else offset = Number(value);
      continue;
    }
    if (lower === "fuzzymatching") {
      fuzzy = value === "true";
      continue;
    }
    if (lower === "includefield") {
      for (const field of value.split(",").map((f) => f.trim()).filter(Boolean)) {
        if (field === "all") includeFields = "all";
        else if (includeFields !== "all") {
          const tag = tagOf(field);
          if (!tag) return { ok: false, message: `unknown includefield "${field.slice(0, 64)}"` };
          includeFields.add(tag);
        }
      }
      continue;
    }
    const tag = tagOf(key);
    if (!tag) return { ok: false, message: `unknown query attribute "${key.slice(0, 64)}"` };
    if (value.length > 256) return { ok: false, message: `value of ${key} is too long` };
    match.set(tag, value);
  }
  return { ok: true, query: { match, includeFields, limit, offset, fuzzy } };
}

function tagOf(keyOrTag: string): string | null {
  if (TAG.test(keyOrTag)) return keyOrTag.toUpperCase();
  return QIDO_KEYWORDS[keyOrTag] ?? null;
}

/** A DICOM wildcard value ("DUP*", "?ARTIN") as an SQL LIKE pattern, or null when it has no wildcard. */
export function wildcardToLike(value: string): string | null {
  if (!/[*?]/.test(value)) return null;
  return value.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, "%").replace(/\?/g, "_");
}

/** "20240101-20241231", "20240101-", "-20241231" or "20240101" as an inclusive range of DA strings. */
export function dateRange(value: string): { from: string | null; to: string | null } | null {
  const single = /^(\d{8})$/.exec(value);
  if (single?.[1]) return { from: single[1], to: single[1] };
  const range = /^(\d{8})?-(\d{8})?$/.exec(value);
  if (!range || (!range[1] && !range[2])) return null;
  return { from: range[1] ?? null, to: range[2] ?? null };
}

import type { DcmjsDataset, DcmjsElement } from "dcmjs";
import { DicomRejection } from "./dicom-rejection";

// The DICOM JSON model (PS3.18 F.2) the archive keeps per instance and serves as WADO-RS
// metadata. Pixel data is never in it: it is served as a BulkDataURI. Other binary values are
// kept inline up to 64 KiB (palette LUTs, which Cornerstone reads from the metadata); larger
// ones keep their VR and no value, and their byte range is recorded apart (bulkData) so that
// WADO-RS serves them as bulk data.

export interface DicomJsonElement {
  vr: string;
  Value?: unknown[];
  InlineBinary?: string;
  BulkDataURI?: string;
}
export type DicomJsonDataset = Record<string, DicomJsonElement>;

export const PIXEL_DATA_TAG = "7FE00010";
/** Pixel Data, Float Pixel Data and Double Float Pixel Data: never inline. */
const PIXEL_TAGS = new Set([PIXEL_DATA_TAG, "7FE00008", "7FE00009"]);
export const BINARY_VRS = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "UN"]);
export const MAX_INLINE_BINARY = 64 * 1024;
const MAX_SEQUENCE_DEPTH = 16;

/** dcmjs' reading, cleaned into plain DICOM JSON: no raw values, no group lengths, no pixel data. */
export function toDicomJson(dataset: DcmjsDataset, depth = 0): DicomJsonDataset {
  if (depth > MAX_SEQUENCE_DEPTH) throw new DicomRejection("MALFORMED", `sequences nested deeper than ${MAX_SEQUENCE_DEPTH} levels`);
  const result: DicomJsonDataset = {};
  for (const [tag, element] of Object.entries(dataset)) {
    if (PIXEL_TAGS.has(tag) || tag.endsWith("0000")) continue;
    const clean = cleanElement(element, depth);
    if (clean) result[tag] = clean;
  }
  return result;
}

function cleanElement(element: DcmjsElement, depth: number): DicomJsonElement | null {
  const { vr } = element;
  if (element.Value === undefined || element.Value.length === 0) return { vr };
  if (vr === "SQ") {
    return { vr, Value: element.Value.map((item) => toDicomJson(item as DcmjsDataset, depth + 1)) };
  }
  if (BINARY_VRS.has(vr)) {
    const bytes = concatBinary(element.Value);
    if (bytes === null || bytes.length > MAX_INLINE_BINARY) return { vr };
    return { vr, InlineBinary: Buffer.from(bytes).toString("base64") };
  }
  return { vr, Value: element.Value.map(cleanValue) };
}

/**
 * JSON has no NaN (a number that did not parse is an empty value), and PostgreSQL's jsonb
 * refuses NUL characters, which padding and damaged files put in strings.
 */
function cleanValue(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (typeof value === "string") return stripNul(value);
  if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, cleanValue(inner)]));
  }
  return value;
}

export function stripNul(text: string): string {
  return text.includes("\0") ? text.replaceAll("\0", "") : text;
}

function concatBinary(values: unknown[]): Uint8Array | null {
  const parts: Uint8Array[] = [];
  for (const value of values) {
    if (value instanceof ArrayBuffer) parts.push(new Uint8Array(value));
    else if (ArrayBuffer.isView(value)) parts.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    else return null;
  }
  return Buffer.concat(parts);
}

/** The first value of an attribute as text, or null. Person names come as their alphabetic form. */
export function textValue(dataset: DicomJsonDataset, tag: string): string | null {
  const first = dataset[tag]?.Value?.[0];
  if (first === undefined || first === null) return null;
  if (typeof first === "object" && "Alphabetic" in first) return String((first as { Alphabetic: unknown }).Alphabetic ?? "").trim() || null;
  const text = String(first).trim();
  return text === "" ? null : text;
}

/** A person name with all its component groups, as DICOM writes it: "Yamada^Tarou=山田^太郎=やまだ^たろう". */
export function personNameValue(dataset: DicomJsonDataset, tag: string): string | null {
  const first = dataset[tag]?.Value?.[0];
  if (first === undefined || first === null) return null;
  if (typeof first !== "object") return String(first).trim() || null;
  const groups = first as { Alphabetic?: unknown; Ideographic?: unknown; Phonetic?: unknown };
  const text = [groups.Alphabetic, groups.Ideographic, groups.Phonetic].map((group) => (typeof group === "string" ? group : "")).join("=").replace(/=+$/, "");
  return text.trim() || null;
}

/** The DICOM JSON form of a person name written with its component groups (the reverse of personNameValue). */
export function personNameGroups(text: string): { Alphabetic?: string; Ideographic?: string; Phonetic?: string } {
  const [alphabetic = "", ideographic = "", phonetic = ""] = text.split("=");
  return {
    ...(alphabetic ? { Alphabetic: alphabetic } : {}),
    ...(ideographic ? { Ideographic: ideographic } : {}),
    ...(phonetic ? { Phonetic: phonetic } : {}),
  };
}

export function integerValue(dataset: DicomJsonDataset, tag: string): number | null {
  const text = textValue(dataset, tag);
  if (text === null) return null;
  const value = Number(text);
  return Number.isInteger(value) ? value : null;
}

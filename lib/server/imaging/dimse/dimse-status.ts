import type { DicomRejectionCode } from "@/lib/dicom/dicom-rejection";
import type { IngestOutcome } from "../ingest/ingest-instance";

// The C-STORE response status (PS3.4 B.2.3, PS3.7 C) for each ingest outcome, and the Error
// Comment (0000,0902) that carries the refusal's reason into the sender's log.

export interface StoreAnswer {
  status: number;
  /** LO: at most 64 characters; null on success. */
  errorComment: string | null;
}

export const SUCCESS = 0x0000;
/** Refused: Out of Resources. Senders treat it as transient and retry later. */
export const OUT_OF_RESOURCES = 0xa700;
/** Error: Data Set does not match SOP Class. */
export const DATASET_DOES_NOT_MATCH = 0xa900;
/** Error: Cannot understand. */
export const CANNOT_UNDERSTAND = 0xc000;
/** Warning: Coercion of Data Elements (PS3.4 B.2.3): stored, with something the sender should know. */
export const COERCION_OF_DATA_ELEMENTS = 0xb000;
/** Failure: Duplicate SOP Instance (PS3.7 C.5.8): the UID is taken by other content. */
export const DUPLICATE_SOP_INSTANCE = 0x0111;

// A Record, not a switch: a new rejection code does not compile until it has a status.
const REFUSAL_STATUS: Record<DicomRejectionCode, number> = {
  TOO_LARGE: OUT_OF_RESOURCES,
  NOT_DICOM: CANNOT_UNDERSTAND,
  TRUNCATED: CANNOT_UNDERSTAND,
  NO_META_HEADER: CANNOT_UNDERSTAND,
  UNSUPPORTED_TRANSFER_SYNTAX: CANNOT_UNDERSTAND,
  MISSING_ATTRIBUTE: DATASET_DOES_NOT_MATCH,
  INVALID_UID: DATASET_DOES_NOT_MATCH,
  UID_MISMATCH: DATASET_DOES_NOT_MATCH,
  PIXEL_DATA_SIZE: DATASET_DOES_NOT_MATCH,
  MALFORMED: DATASET_DOES_NOT_MATCH,
  PARSE_TIMEOUT: CANNOT_UNDERSTAND,
  PARSE_MEMORY: CANNOT_UNDERSTAND,
  CONFLICT: DUPLICATE_SOP_INSTANCE,
  FOREIGN_STUDY: CANNOT_UNDERSTAND,
};

/** Where the ingest's message would spend the 64 characters on a UID the response already carries. */
const SHORT_REASON: Partial<Record<DicomRejectionCode, string>> = {
  CONFLICT: "this SOP Instance UID is stored with other content",
  FOREIGN_STUDY: "this study was received from another site",
};

export function storeAnswerOf(outcome: IngestOutcome): StoreAnswer {
  if (outcome.status !== "refused") {
    // Stored, but not quite as sent (text that could not be decoded, a value cut to fit): the
    // sender's log says what, so the site can fix its source.
    const warning = outcome.warnings?.[0];
    return warning ? { status: COERCION_OF_DATA_ELEMENTS, errorComment: errorComment(warning) } : { status: SUCCESS, errorComment: null };
  }
  return { status: REFUSAL_STATUS[outcome.code], errorComment: errorComment(`${outcome.code}: ${SHORT_REASON[outcome.code] ?? outcome.message}`) };
}

export function failureAnswer(status: number, reason: string): StoreAnswer {
  return { status, errorComment: errorComment(reason) };
}

const MAX_LO = 64;

/** LO (PS3.5 6.2): no backslash (the value separator) and no control characters. */
export function errorComment(reason: string): string {
  const clean = reason.replace(/\\/g, "/").replace(/[^\x20-\x7e]/g, " ").trim();
  return clean.length <= MAX_LO ? clean : `${clean.slice(0, MAX_LO - 3)}...`;
}

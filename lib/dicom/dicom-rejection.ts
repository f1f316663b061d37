// Why an incoming DICOM instance is refused. Each channel turns the code into its own answer
// (an HTTP status, a STOW failure reason, a DIMSE status) and the message into a sentence a
// site's IT team can act on.

export const DICOM_REJECTION_CODES = [
  "TOO_LARGE",
  "NOT_DICOM",
  "TRUNCATED",
  "NO_META_HEADER",
  "UNSUPPORTED_TRANSFER_SYNTAX",
  "MISSING_ATTRIBUTE",
  "INVALID_UID",
  "UID_MISMATCH",
  "PIXEL_DATA_SIZE",
  "MALFORMED",
  "PARSE_TIMEOUT",
  "PARSE_MEMORY",
  "CONFLICT",
  "FOREIGN_STUDY",
] as const;
export type DicomRejectionCode = (typeof DICOM_REJECTION_CODES)[number];

export class DicomRejection extends Error {
  readonly code: DicomRejectionCode;

  constructor(code: DicomRejectionCode, message: string) {
    super(message);
    this.name = "DicomRejection";
    this.code = code;
  }
}

export function isDicomRejection(value: unknown): value is DicomRejection {
  return value instanceof DicomRejection;
}

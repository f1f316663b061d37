// The transfer syntaxes the archive accepts and stores as received (no transcoding): the
// viewer decodes the compressed ones with Cornerstone's codecs.

export interface TransferSyntax {
  uid: string;
  name: string;
  encapsulated: boolean;
  implicitVr: boolean;
}

const SYNTAXES: readonly TransferSyntax[] = [
  { uid: "1.2.840.10008.1.2", name: "Implicit VR Little Endian", encapsulated: false, implicitVr: true },
  { uid: "1.2.840.10008.1.2.1", name: "Explicit VR Little Endian", encapsulated: false, implicitVr: false },
  { uid: "1.2.840.10008.1.2.5", name: "RLE Lossless", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.50", name: "JPEG Baseline (Process 1)", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.51", name: "JPEG Extended (Process 2 & 4)", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.57", name: "JPEG Lossless, Non-Hierarchical (Process 14)", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.70", name: "JPEG Lossless, First-Order Prediction", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.80", name: "JPEG-LS Lossless", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.81", name: "JPEG-LS Near-Lossless", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.90", name: "JPEG 2000 (Lossless Only)", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.91", name: "JPEG 2000", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.201", name: "High-Throughput JPEG 2000 (Lossless Only)", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.202", name: "High-Throughput JPEG 2000 with RPCL Options (Lossless Only)", encapsulated: true, implicitVr: false },
  { uid: "1.2.840.10008.1.2.4.203", name: "High-Throughput JPEG 2000", encapsulated: true, implicitVr: false },
];

const BY_UID = new Map(SYNTAXES.map((syntax) => [syntax.uid, syntax]));

export const EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
export const IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
export const RLE_LOSSLESS = "1.2.840.10008.1.2.5";
/**
 * Received but not stored as such: the whole dataset is deflated, so no frame has a byte range
 * in the file. Ingest inflates it and stores Explicit VR Little Endian (ingest/inflate-deflated.ts).
 */
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";

export function transferSyntax(uid: string): TransferSyntax | undefined {
  return BY_UID.get(uid);
}

export const SUPPORTED_TRANSFER_SYNTAX_UIDS: readonly string[] = SYNTAXES.map((syntax) => syntax.uid);

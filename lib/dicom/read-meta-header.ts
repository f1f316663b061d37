import { DicomRejection } from "./dicom-rejection";
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, transferSyntax } from "./transfer-syntaxes";
import { isValidUid } from "./uid";

// The first, cheap structural check of a Part 10 file, run before any parser sees it: the
// 128-byte preamble, "DICM", and a File Meta Information group (explicit VR little endian,
// PS3.10 7.1) that names a transfer syntax the archive accepts.

export interface MetaHeader {
  transferSyntaxUid: string;
  mediaStorageSopClassUid: string;
  mediaStorageSopInstanceUid: string;
  /** Where the dataset starts, right after group 2. */
  datasetOffset: number;
}

const PREAMBLE = 128;
const LONG_VRS = new Set(["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"]);
const MAX_META_BYTES = 64 * 1024;

export function readMetaHeader(bytes: Uint8Array): MetaHeader {
  if (bytes.length < PREAMBLE + 4) throw new DicomRejection("NOT_DICOM", "not a DICOM file: shorter than the 132-byte preamble and prefix");
  if (ascii(bytes, PREAMBLE, 4) !== "DICM") {
    throw new DicomRejection("NO_META_HEADER", "no DICOM Part 10 header: the 'DICM' prefix is missing after the 128-byte preamble");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Map<number, string>();
  let offset = PREAMBLE + 4;
  let groupEnd: number | null = null;

  while (offset + 8 <= bytes.length) {
    const group = view.getUint16(offset, true);
    if (group !== 0x0002) break;
    const element = view.getUint16(offset + 2, true);
    const vr = ascii(bytes, offset + 4, 2);
    if (!/^[A-Z]{2}$/.test(vr)) throw new DicomRejection("NO_META_HEADER", "malformed File Meta Information: group 2 must be explicit VR");
    let length: number;
    let valueOffset: number;
    if (LONG_VRS.has(vr)) {
      if (offset + 12 > bytes.length) throw truncated();
      length = view.getUint32(offset + 8, true);
      valueOffset = offset + 12;
    } else {
      length = view.getUint16(offset + 6, true);
      valueOffset = offset + 8;
    }
    if (length === 0xffffffff || valueOffset + length > bytes.length) throw truncated();
    if (valueOffset + length - PREAMBLE > MAX_META_BYTES) throw new DicomRejection("NO_META_HEADER", "File Meta Information larger than 64 KB");
    if (element === 0x0000 && length === 4) groupEnd = valueOffset + 4 + view.getUint32(valueOffset, true);
    else values.set(element, trimValue(ascii(bytes, valueOffset, length)));
    offset = valueOffset + length;
  }

  if (groupEnd !== null && groupEnd !== offset) {
    throw new DicomRejection("NO_META_HEADER", "File Meta Information group length does not match its elements");
  }
  const transferSyntaxUid = values.get(0x0010);
  const mediaStorageSopClassUid = values.get(0x0002);
  const mediaStorageSopInstanceUid = values.get(0x0003);
  if (!transferSyntaxUid || !mediaStorageSopClassUid || !mediaStorageSopInstanceUid) {
    throw new DicomRejection("NO_META_HEADER", "File Meta Information lacks (0002,0002), (0002,0003) or (0002,0010)");
  }
  for (const uid of [transferSyntaxUid, mediaStorageSopClassUid, mediaStorageSopInstanceUid]) {
    if (!isValidUid(uid)) throw new DicomRejection("INVALID_UID", `invalid UID in File Meta Information: "${printable(uid)}"`);
  }
  if (!transferSyntax(transferSyntaxUid) && transferSyntaxUid !== DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) {
    throw new DicomRejection("UNSUPPORTED_TRANSFER_SYNTAX", `transfer syntax ${transferSyntaxUid} is not accepted by this archive`);
  }
  if (offset >= bytes.length) throw truncated();
  return { transferSyntaxUid, mediaStorageSopClassUid, mediaStorageSopInstanceUid, datasetOffset: offset };
}

function truncated(): DicomRejection {
  return new DicomRejection("TRUNCATED", "truncated file: the File Meta Information runs past the end of the file");
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let text = "";
  for (let i = offset; i < offset + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

/** UIDs are padded with NUL, other strings with spaces. */
function trimValue(value: string): string {
  return value.replace(/[\0 ]+$/, "");
}

function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, "?").slice(0, 80);
}

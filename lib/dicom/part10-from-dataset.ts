// A DICOM Part 10 file (PS3.10 7.1) around a data set received by C-STORE (or inflated from a
// deflated file): the data set's
// bytes are copied as they came off the wire, in the negotiated transfer syntax, so pixel
// data (native or encapsulated) is never decoded or re-encoded. Only the File Meta
// Information is written here, always in Explicit VR Little Endian.

export interface ReceivedDataset {
  /** From the C-STORE request's Affected SOP Class / Instance UIDs (PS3.7 9.1.1.1). */
  sopClassUid: string;
  sopInstanceUid: string;
  /** The presentation context's accepted transfer syntax. */
  transferSyntaxUid: string;
  /** The calling AE title, kept as (0002,0016) Source Application Entity Title. */
  sourceAeTitle: string;
  implementationClassUid: string;
  implementationVersionName: string;
  /** The data set as received, in order. */
  chunks: readonly Uint8Array[];
}

/** Names this implementation in A-ASSOCIATE-AC and in the meta header of every file it writes. */
export const IMPLEMENTATION_CLASS_UID = "2.25.273302024481876603437186195617002564513";
/** SH, at most 16 characters. */
export const IMPLEMENTATION_VERSION_NAME = "TELERAD_DIMSE_1";

const PREAMBLE_BYTES = 128;
const DICM = [0x44, 0x49, 0x43, 0x4d];

export function part10FromDataset(input: ReceivedDataset): Uint8Array {
  const group = [
    element(0x0001, "OB", Uint8Array.of(0x00, 0x01)),
    element(0x0002, "UI", text(input.sopClassUid, 0x00)),
    element(0x0003, "UI", text(input.sopInstanceUid, 0x00)),
    element(0x0010, "UI", text(input.transferSyntaxUid, 0x00)),
    element(0x0012, "UI", text(input.implementationClassUid, 0x00)),
    element(0x0013, "SH", text(input.implementationVersionName, 0x20)),
    // Absent when nobody sent it over the network (a file inflated at ingest).
    ...(input.sourceAeTitle.trim() ? [element(0x0016, "AE", text(input.sourceAeTitle.trim(), 0x20))] : []),
  ];
  const groupBytes = sum(group);
  // (0002,0000) counts the bytes of the group that follow it.
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, groupBytes, true);
  const meta = [element(0x0000, "UL", groupLength), ...group];

  const out = new Uint8Array(PREAMBLE_BYTES + DICM.length + sum(meta) + sum(input.chunks));
  out.set(DICM, PREAMBLE_BYTES);
  let offset = PREAMBLE_BYTES + DICM.length;
  for (const part of [...meta, ...input.chunks]) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const LONG_VRS = new Set(["OB"]);

/** One group 2 element, explicit VR little endian (PS3.5 7.1.2). */
function element(elementNumber: number, vr: string, value: Uint8Array): Uint8Array {
  const long = LONG_VRS.has(vr);
  const header = long ? 12 : 8;
  const out = new Uint8Array(header + value.byteLength);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0x0002, true);
  view.setUint16(2, elementNumber, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.byteLength, true);
  else view.setUint16(6, value.byteLength, true);
  out.set(value, header);
  return out;
}

/** ASCII, padded to even length: NUL for UI, space for the text VRs (PS3.5 6.2). */
function text(value: string, pad: 0x00 | 0x20): Uint8Array {
  const bytes = Buffer.from(value, "latin1");
  if (bytes.byteLength % 2 === 0) return bytes;
  const padded = new Uint8Array(bytes.byteLength + 1);
  padded.set(bytes);
  padded[bytes.byteLength] = pad;
  return padded;
}

function sum(parts: readonly Uint8Array[]): number {
  let total = 0;
  for (const part of parts) total += part.byteLength;
  return total;
}

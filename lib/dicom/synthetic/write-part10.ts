// A DICOM Part 10 file (PS3.10 7.1): 128-byte preamble, "DICM", File Meta Information in
// Explicit VR Little Endian, then the data set and its pixel data in the chosen transfer syntax.
import { bytes, type DataElement, text, binaryNumbers } from "./data-element";
import { concatBytes, encodeDataset, encodeHeader, padToEven } from "./encode-dataset";
import { encodeRleFrame } from "./rle-encode";
import { Tag } from "./tags";
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from "./uid";

export type SyntheticTransferSyntax = "explicit-le" | "rle";

export const TRANSFER_SYNTAX_UID: Record<SyntheticTransferSyntax, string> = {
  "explicit-le": "1.2.840.10008.1.2.1",
  rle: "1.2.840.10008.1.2.5",
};

export interface SingleFramePixels {
  rows: number;
  columns: number;
  bitsAllocated: 8 | 16;
  /** The native frame, little-endian, rows * columns * bitsAllocated / 8 bytes. */
  frame: Uint8Array;
}

export interface Part10Input {
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntax: SyntheticTransferSyntax;
  /** Everything except the SOP Class/Instance UIDs and Pixel Data, which are added here so they always agree with the meta header. */
  dataset: readonly DataElement[];
  pixels: SingleFramePixels;
}

const PREAMBLE_BYTES = 128;
const DICM = new TextEncoder().encode("DICM");
const UNDEFINED_LENGTH = 0xffffffff;

export function writePart10(input: Part10Input): Uint8Array {
  const meta = encodeFileMeta(input);
  const dataset = encodeDataset([
    ...input.dataset,
    text(Tag.SOPClassUID, "UI", input.sopClassUid),
    text(Tag.SOPInstanceUID, "UI", input.sopInstanceUid),
  ]);
  const pixelData = input.transferSyntax === "rle" ? encapsulatedRlePixelData(input.pixels) : nativePixelData(input.pixels);

  const out = new Uint8Array(PREAMBLE_BYTES + DICM.length + meta.length + dataset.length + pixelData.length);
  let offset = PREAMBLE_BYTES;
  for (const chunk of [DICM, meta, dataset, pixelData]) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function encodeFileMeta(input: Part10Input): Uint8Array {
  const group = encodeDataset([
    bytes(Tag.FileMetaInformationVersion, "OB", new Uint8Array([0x00, 0x01])),
    text(Tag.MediaStorageSOPClassUID, "UI", input.sopClassUid),
    text(Tag.MediaStorageSOPInstanceUID, "UI", input.sopInstanceUid),
    text(Tag.TransferSyntaxUID, "UI", TRANSFER_SYNTAX_UID[input.transferSyntax]),
    text(Tag.ImplementationClassUID, "UI", IMPLEMENTATION_CLASS_UID),
    text(Tag.ImplementationVersionName, "SH", IMPLEMENTATION_VERSION_NAME),
  ]);
  // (0002,0000) counts the bytes of the group that follow it.
  const groupLength = encodeDataset([binaryNumbers(Tag.FileMetaInformationGroupLength, "UL", group.length)]);
  return concatBytes([groupLength, group]);
}

function nativePixelData(pixels: SingleFramePixels): Uint8Array {
  checkFrameSize(pixels);
  const value = padToEven(pixels.frame, 0);
  return concatBytes([encodeHeader(Tag.PixelData, pixels.bitsAllocated === 16 ? "OW" : "OB", value.length), value]);
}

/**
 * Encapsulated Pixel Data (PS3.5 A.4): OB of undefined length, a Basic Offset Table item holding
 * the offset of the single frame (0), one fragment holding the whole RLE frame, a delimiter.
 */
function encapsulatedRlePixelData(pixels: SingleFramePixels): Uint8Array {
  checkFrameSize(pixels);
  const frame = encodeRleFrame(pixels.frame, {
    rows: pixels.rows,
    columns: pixels.columns,
    bytesPerSample: pixels.bitsAllocated === 16 ? 2 : 1,
  });
  const basicOffsetTable = new Uint8Array(4);
  return concatBytes([
    encodeHeader(Tag.PixelData, "OB", UNDEFINED_LENGTH),
    itemHeader(0xe000, basicOffsetTable.length),
    basicOffsetTable,
    itemHeader(0xe000, frame.length),
    frame,
    itemHeader(0xe0dd, 0),
  ]);
}

function itemHeader(element: 0xe000 | 0xe0dd, length: number): Uint8Array {
  const header = new Uint8Array(8);
  const view = new DataView(header.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, element, true);
  view.setUint32(4, length, true);
  return header;
}

function checkFrameSize(pixels: SingleFramePixels): void {
  const expected = (pixels.rows * pixels.columns * pixels.bitsAllocated) / 8;
  if (pixels.frame.length !== expected) throw new RangeError(`Pixel frame has ${pixels.frame.length} bytes, expected ${expected}`);
}

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of a 16-bit typed array as Pixel Data wants them (little endian), without copying. */
export function littleEndianBytes(samples: Int16Array | Uint16Array): Uint8Array {
  // Typed arrays use the host byte order; every platform Node ships on is little endian, but say so if not.
  if (!HOST_IS_LITTLE_ENDIAN) throw new Error("Synthetic DICOM pixel encoding assumes a little-endian host");
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
}

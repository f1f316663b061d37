import { integerValue, textValue, type DicomJsonDataset } from "../../../dicom/dicom-json";
import { RLE_LOSSLESS, transferSyntax } from "../../../dicom/transfer-syntaxes";
import { encodeGreyPng } from "./png-encode";
import { decodeRleFrame } from "./rle-decode";

// A series thumbnail: one frame, windowed as the file says (or over its range), shrunk to
// fit a square, as PNG. Native and RLE pixel data; other compressions are left to the viewer.

export class CannotRender extends Error {}

export function renderThumbnail(metadata: DicomJsonDataset, transferSyntaxUid: string, frame: Uint8Array, size = 128): Buffer {
  const rows = integerValue(metadata, "00280010") ?? 0;
  const columns = integerValue(metadata, "00280011") ?? 0;
  const bitsAllocated = integerValue(metadata, "00280100") ?? 16;
  const samples = integerValue(metadata, "00280002") ?? 1;
  const signed = integerValue(metadata, "00280103") === 1;
  if (rows < 1 || columns < 1 || samples !== 1 || (bitsAllocated !== 8 && bitsAllocated !== 16)) {
    throw new CannotRender("only greyscale 8- or 16-bit images have thumbnails");
  }
  const syntax = transferSyntax(transferSyntaxUid);
  let bytes: Uint8Array;
  if (syntax && !syntax.encapsulated) bytes = frame;
  else if (transferSyntaxUid === RLE_LOSSLESS) bytes = decodeRleFrame(frame, rows * columns, bitsAllocated / 8, 1);
  else throw new CannotRender(`no server-side decoder for ${syntax?.name ?? transferSyntaxUid}`);

  const values = readValues(bytes, rows * columns, bitsAllocated, signed);
  const slope = Number(textValue(metadata, "00281053") ?? 1) || 1;
  const intercept = Number(textValue(metadata, "00281052") ?? 0) || 0;
  let center = Number(textValue(metadata, "00281050"));
  let width = Number(textValue(metadata, "00281051"));
  if (!Number.isFinite(center) || !Number.isFinite(width) || width <= 1) {
    // No usable window (a width of 0 renders black): use the pixel range.
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      const hu = v * slope + intercept;
      if (hu < min) min = hu;
      if (hu > max) max = hu;
    }
    center = (min + max) / 2;
    width = Math.max(1, max - min);
  }
  const invert = textValue(metadata, "00280004") === "MONOCHROME1";
  const scale = Math.min(1, size / Math.max(rows, columns));
  const outWidth = Math.max(1, Math.round(columns * scale));
  const outHeight = Math.max(1, Math.round(rows * scale));
  const out = new Uint8Array(outWidth * outHeight);
  const low = center - width / 2;
  for (let y = 0; y < outHeight; y++) {
    const sourceRow = Math.min(rows - 1, Math.floor(y / scale));
    for (let x = 0; x < outWidth; x++) {
      const sourceColumn = Math.min(columns - 1, Math.floor(x / scale));
      const hu = (values[sourceRow * columns + sourceColumn] ?? 0) * slope + intercept;
      const grey = Math.max(0, Math.min(255, Math.round(((hu - low) / width) * 255)));
      out[y * outWidth + x] = invert ? 255 - grey : grey;
    }
  }
  return encodeGreyPng(out, outWidth, outHeight);
}

function readValues(bytes: Uint8Array, count: number, bitsAllocated: number, signed: boolean): Uint8Array | Int16Array | Uint16Array {
  if (bitsAllocated === 8) return bytes.subarray(0, count);
  const aligned = new Uint8Array(count * 2);
  aligned.set(bytes.subarray(0, count * 2));
  return signed ? new Int16Array(aligned.buffer) : new Uint16Array(aligned.buffer);
}

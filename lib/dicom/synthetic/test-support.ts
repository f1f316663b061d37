// Helpers for this folder's tests only: read back what the generator wrote, independently of
// the writer (dicom-parser for the structure, a separate PackBits decoder for RLE).
import { spawnSync } from "node:child_process";
import * as dicomParser from "dicom-parser";

export interface ReadBackImage {
  dataSet: dicomParser.DataSet;
  transferSyntaxUid: string;
  rows: number;
  columns: number;
  /** Stored values, signed or not as Pixel Representation says, decoded from RLE when needed. */
  pixels: Int16Array | Uint16Array;
}

export function readBack(bytes: Uint8Array): ReadBackImage {
  const dataSet = dicomParser.parseDicom(bytes);
  const transferSyntaxUid = dataSet.string("x00020010") ?? "";
  const rows = dataSet.uint16("x00280010") ?? 0;
  const columns = dataSet.uint16("x00280011") ?? 0;
  const signed = dataSet.uint16("x00280103") === 1;
  const element = dataSet.elements.x7fe00010;
  if (!element) throw new Error("No Pixel Data");
  const native =
    transferSyntaxUid === "1.2.840.10008.1.2.5"
      ? decodeRleFrame(dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, 0), rows * columns, 2)
      : bytes.slice(element.dataOffset, element.dataOffset + element.length);
  const buffer = native.buffer.slice(native.byteOffset, native.byteOffset + native.byteLength);
  return { dataSet, transferSyntaxUid, rows, columns, pixels: signed ? new Int16Array(buffer) : new Uint16Array(buffer) };
}

/** PS3.5 Annex G decoding: segment s holds byte (bytesPerSample - 1 - s) of each little-endian sample. */
export function decodeRleFrame(frame: Uint8Array, pixelCount: number, bytesPerSample: number): Uint8Array {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segmentCount = view.getUint32(0, true);
  if (segmentCount !== bytesPerSample) throw new Error(`Expected ${bytesPerSample} RLE segments, found ${segmentCount}`);
  const out = new Uint8Array(pixelCount * bytesPerSample);
  for (let segment = 0; segment < segmentCount; segment++) {
    const start = view.getUint32(4 + segment * 4, true);
    const end = segment + 1 < segmentCount ? view.getUint32(8 + segment * 4, true) : frame.length;
    const plane = unpackBits(frame.subarray(start, end), pixelCount);
    const byteInSample = bytesPerSample - 1 - segment;
    for (let i = 0; i < pixelCount; i++) out[i * bytesPerSample + byteInSample] = plane[i] ?? 0;
  }
  return out;
}

export function unpackBits(source: Uint8Array, expectedLength: number): Uint8Array {
  const out = new Uint8Array(expectedLength);
  let read = 0;
  let written = 0;
  while (written < expectedLength) {
    if (read >= source.length) throw new Error(`PackBits data ended after ${written} of ${expectedLength} bytes`);
    const header = ((source[read++] ?? 0) << 24) >> 24;
    if (header >= 0) {
      out.set(source.subarray(read, read + header + 1), written);
      read += header + 1;
      written += header + 1;
    } else if (header > -128) {
      out.fill(source[read++] ?? 0, written, written + 1 - header);
      written += 1 - header;
    }
  }
  if (written !== expectedLength) throw new Error(`PackBits overran: ${written} bytes for ${expectedLength}`);
  return out;
}

/** Index of the first differing sample, -1 when equal: a cheap comparison for 512 x 512 frames. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

export function toolAvailable(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

export function run(command: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

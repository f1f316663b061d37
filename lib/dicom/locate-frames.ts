import dicomParser from "dicom-parser";
import { DicomRejection } from "./dicom-rejection";

// Where each frame's bytes are in the file, so that WADO-RS serves a frame by reading byte
// ranges of the stored file, never by parsing it again. A frame is a list of [offset, length]
// ranges: one for native pixel data, one or more fragments for encapsulated data.

export type ByteRange = [offset: number, length: number];
export type FrameRanges = ByteRange[][];

export interface ImageGeometry {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  numberOfFrames: number;
}

const MAX_FRAMES = 10_000;

/** Locates the frames and checks that the pixel data is as large as the image says it is. */
export function locateFrames(bytes: Uint8Array, geometry: ImageGeometry | null, encapsulated: boolean): FrameRanges {
  let dataSet: dicomParser.DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes);
  } catch (error) {
    const reason = describe(error);
    throw new DicomRejection(/overrun|beyond|end of/i.test(reason) ? "TRUNCATED" : "MALFORMED", `unreadable dataset: ${reason}`);
  }
  const pixelData = dataSet.elements.x7fe00010;
  if (!pixelData) return [];
  if (!geometry) throw new DicomRejection("MISSING_ATTRIBUTE", "pixel data without Rows, Columns, Bits Allocated or Samples per Pixel");
  checkGeometry(geometry);
  return encapsulated ? encapsulatedFrames(pixelData, geometry) : nativeFrames(pixelData, geometry);
}

function checkGeometry(geometry: ImageGeometry): void {
  const { rows, columns, samplesPerPixel, bitsAllocated, numberOfFrames } = geometry;
  if (rows < 1 || columns < 1) throw new DicomRejection("PIXEL_DATA_SIZE", `image of ${rows} x ${columns} pixels`);
  if (![1, 3, 4].includes(samplesPerPixel)) throw new DicomRejection("MALFORMED", `Samples per Pixel ${samplesPerPixel}`);
  if (![8, 16, 32, 64].includes(bitsAllocated)) throw new DicomRejection("MALFORMED", `Bits Allocated ${bitsAllocated} is not supported`);
  if (numberOfFrames < 1 || numberOfFrames > MAX_FRAMES) throw new DicomRejection("MALFORMED", `Number of Frames ${numberOfFrames}`);
}

function nativeFrames(element: dicomParser.Element, geometry: ImageGeometry): FrameRanges {
  const frameBytes = geometry.rows * geometry.columns * geometry.samplesPerPixel * (geometry.bitsAllocated / 8);
  const expected = frameBytes * geometry.numberOfFrames;
  // Odd sizes are padded to even: one extra byte is legitimate, anything else is a lie.
  if (element.length < expected || element.length > expected + 1) {
    throw new DicomRejection(
      "PIXEL_DATA_SIZE",
      `pixel data is ${element.length} bytes but ${geometry.rows} x ${geometry.columns} x ${geometry.numberOfFrames} frame(s) x ${geometry.bitsAllocated} bits need ${expected}`,
    );
  }
  return Array.from({ length: geometry.numberOfFrames }, (_, index) => [[element.dataOffset + index * frameBytes, frameBytes]]);
}

function encapsulatedFrames(element: dicomParser.Element, geometry: ImageGeometry): FrameRanges {
  const fragments = element.fragments ?? [];
  if (!element.encapsulatedPixelData || fragments.length === 0) {
    throw new DicomRejection("MALFORMED", "the transfer syntax is compressed but the pixel data has no fragments");
  }
  const ranges = fragments.map((fragment): ByteRange => [fragment.position, fragment.length]);
  const frames = geometry.numberOfFrames;
  if (frames === 1) return [ranges];
  const offsets = element.basicOffsetTable ?? [];
  if (offsets.length === frames) {
    return offsets.map((start, index) => {
      const end = offsets[index + 1] ?? Number.POSITIVE_INFINITY;
      const members = fragments.flatMap((fragment, i) => (fragment.offset >= start && fragment.offset < end ? [ranges[i] as ByteRange] : []));
      if (members.length === 0) throw new DicomRejection("MALFORMED", `frame ${index + 1} has no fragment at its offset`);
      return members;
    });
  }
  if (fragments.length === frames) return ranges.map((range) => [range]);
  throw new DicomRejection("MALFORMED", `${frames} frames in ${fragments.length} fragments without an offset table`);
}

/** dicom-parser throws strings, Errors, or objects carrying `exception`. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  if (typeof error === "object" && error !== null && "exception" in error) return String(error.exception);
  return "parser failure";
}

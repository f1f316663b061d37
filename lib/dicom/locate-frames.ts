import type dicomParser from "dicom-parser";
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
  photometricInterpretation: string | null;
}

/** Pixel Data, Float Pixel Data, Double Float Pixel Data: whichever the image has (PS3.3 C.7.6.3). */
export const PIXEL_DATA_TAGS = ["7FE00010", "7FE00008", "7FE00009"] as const;
const MAX_FRAMES = 10_000;

/** The pixel data element of the dataset, whichever of the three it is. */
export function pixelDataElement(dataSet: dicomParser.DataSet): { tag: (typeof PIXEL_DATA_TAGS)[number]; element: dicomParser.Element } | null {
  for (const tag of PIXEL_DATA_TAGS) {
    const element = dataSet.elements[`x${tag.toLowerCase()}`];
    if (element) return { tag, element };
  }
  return null;
}

/**
 * Locates the frames and checks that the pixel data is as large as the image says it is.
 * Bytes after the last frame (some writers pad) are ignored with a warning.
 */
export function locateFrames(dataSet: dicomParser.DataSet, geometry: ImageGeometry | null, encapsulated: boolean, warnings: string[] = []): FrameRanges {
  const pixelData = pixelDataElement(dataSet);
  if (!pixelData) return [];
  if (!geometry) throw new DicomRejection("MISSING_ATTRIBUTE", "pixel data without Rows, Columns, Bits Allocated or Samples per Pixel");
  checkGeometry(geometry, pixelData.tag);
  if (pixelData.tag !== "7FE00010" || !encapsulated) return nativeFrames(pixelData.element, geometry, warnings);
  return encapsulatedFrames(pixelData.element, geometry);
}

function checkGeometry(geometry: ImageGeometry, tag: string): void {
  const { rows, columns, samplesPerPixel, bitsAllocated, numberOfFrames } = geometry;
  if (rows < 1 || columns < 1) throw new DicomRejection("PIXEL_DATA_SIZE", `image of ${rows} x ${columns} pixels`);
  if (![1, 3, 4].includes(samplesPerPixel)) throw new DicomRejection("MALFORMED", `Samples per Pixel ${samplesPerPixel}`);
  const allowed = tag === "7FE00008" ? [32] : tag === "7FE00009" ? [64] : [1, 8, 16, 32, 64];
  if (!allowed.includes(bitsAllocated)) throw new DicomRejection("MALFORMED", `Bits Allocated ${bitsAllocated} is not supported for (${tag.slice(0, 4)},${tag.slice(4)})`);
  if (numberOfFrames < 1 || numberOfFrames > MAX_FRAMES) throw new DicomRejection("MALFORMED", `Number of Frames ${numberOfFrames}`);
}

/** Bits of one native frame: YBR_FULL_422 keeps two luminance samples and one pair of chrominance per two pixels (PS3.3 C.7.6.3.1.2). */
export function nativeFrameBits(geometry: ImageGeometry): number {
  const pixels = geometry.rows * geometry.columns;
  const samples = geometry.photometricInterpretation === "YBR_FULL_422" && geometry.samplesPerPixel === 3 ? pixels * 2 : pixels * geometry.samplesPerPixel;
  return samples * geometry.bitsAllocated;
}

function nativeFrames(element: dicomParser.Element, geometry: ImageGeometry, warnings: string[]): FrameRanges {
  const frameBits = nativeFrameBits(geometry);
  const frames = geometry.numberOfFrames;
  // Bits Allocated 1: frames are packed bit after bit, the whole padded to a byte (PS3.5 8.1.1).
  const expected = Math.ceil((frameBits * frames) / 8);
  if (element.length < expected) {
    throw new DicomRejection(
      "PIXEL_DATA_SIZE",
      `pixel data is ${element.length} bytes but ${geometry.rows} x ${geometry.columns} x ${frames} frame(s) x ${geometry.samplesPerPixel} sample(s) x ${geometry.bitsAllocated} bits${geometry.photometricInterpretation === "YBR_FULL_422" ? " (YBR_FULL_422)" : ""} need ${expected}`,
    );
  }
  // Odd sizes are padded to even: one extra byte is the rule, more is a writer's padding.
  if (element.length > expected + 1) warnings.push(`pixel data has ${element.length - expected} byte(s) after the last frame, ignored`);
  return Array.from({ length: frames }, (_, index) => {
    // A 1-bit frame whose size is not a whole number of bytes starts inside a byte: its range
    // is the bytes it touches, and the bit offset is index * frameBits % 8.
    const start = Math.floor((index * frameBits) / 8);
    const end = Math.ceil(((index + 1) * frameBits) / 8);
    return [[element.dataOffset + start, end - start]];
  });
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

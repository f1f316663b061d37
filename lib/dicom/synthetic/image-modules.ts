// Image Plane and Image Pixel attributes shared by the cross-sectional series (CT, MR),
// and the slice positions along z.
import { type DataElement, binaryNumbers, decimals, integers, text } from "./data-element";
import { type AxialGrid } from "./phantom-head";
import { Tag } from "./tags";

/** Slice k of `count` sits at (k - (count - 1) / 2) * spacing: the stack is centred on the head. */
export function axialSliceZ(index: number, count: number, spacingMm: number): number {
  return (index - (count - 1) / 2) * spacingMm;
}

export interface AxialSliceGeometry {
  grid: AxialGrid;
  zMm: number;
  sliceThicknessMm: number;
  spacingBetweenSlicesMm: number;
}

/** Rows along +x (patient left), columns along +y (posterior): the usual axial orientation. */
export function axialImagePlane({ grid, zMm, sliceThicknessMm, spacingBetweenSlicesMm }: AxialSliceGeometry): DataElement[] {
  return [
    decimals(Tag.ImagePositionPatient, grid.originXMm, grid.originYMm, zMm),
    decimals(Tag.ImageOrientationPatient, 1, 0, 0, 0, 1, 0),
    // Row spacing (between rows, along y) first, then column spacing; equal here.
    decimals(Tag.PixelSpacing, grid.pixelSpacingMm, grid.pixelSpacingMm),
    decimals(Tag.SliceThickness, sliceThicknessMm),
    decimals(Tag.SpacingBetweenSlices, spacingBetweenSlicesMm),
    decimals(Tag.SliceLocation, zMm),
  ];
}

export interface MonochromePixelFormat {
  rows: number;
  columns: number;
  photometricInterpretation: "MONOCHROME1" | "MONOCHROME2";
  bitsStored: number;
  signed: boolean;
}

/** Image Pixel attributes for 16-bit allocated single-sample images. */
export function monochromePixelModule(format: MonochromePixelFormat): DataElement[] {
  return [
    binaryNumbers(Tag.SamplesPerPixel, "US", 1),
    text(Tag.PhotometricInterpretation, "CS", format.photometricInterpretation),
    binaryNumbers(Tag.Rows, "US", format.rows),
    binaryNumbers(Tag.Columns, "US", format.columns),
    binaryNumbers(Tag.BitsAllocated, "US", 16),
    binaryNumbers(Tag.BitsStored, "US", format.bitsStored),
    binaryNumbers(Tag.HighBit, "US", format.bitsStored - 1),
    binaryNumbers(Tag.PixelRepresentation, "US", format.signed ? 1 : 0),
    text(Tag.BurnedInAnnotation, "CS", "NO"),
    // Both transfer syntaxes offered are lossless.
    text(Tag.LossyImageCompression, "CS", "00"),
  ];
}

export function instanceNumberElement(instanceNumber: number): DataElement {
  return integers(Tag.InstanceNumber, instanceNumber);
}

/** "CT000012.dcm": modality prefix and the zero-padded instance number, so names sort in order. */
export function instanceFileName(prefix: "CT" | "MR" | "DX", instanceNumber: number): string {
  return `${prefix}${String(instanceNumber).padStart(6, "0")}.dcm`;
}

export function checkIntegerOption(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

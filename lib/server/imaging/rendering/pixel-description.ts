import { integerValue, textValue, type DicomJsonDataset } from "../../../dicom/dicom-json";

// What a decoder and a renderer need to know about an image, taken from its DICOM JSON
// metadata: plain data, sent to the decode workers as it is.

export interface PaletteChannel {
  /** Number of entries (0 in the descriptor means 65536), first value mapped, bits per entry. */
  entries: number;
  firstMapped: number;
  bits: number;
  /** 16-bit words (OW) of the LUT, or of its segments when segmented. */
  data: Uint8Array;
  segmented: boolean;
}

export interface PixelDescription {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  signed: boolean;
  /** Float Pixel Data (32-bit) or Double Float Pixel Data (64-bit). */
  float: boolean;
  planarConfiguration: number;
  photometric: string;
  rescaleSlope: number;
  rescaleIntercept: number;
  windowCenter: number | null;
  windowWidth: number | null;
  voiFunction: VoiFunction;
  palette: { red: PaletteChannel; green: PaletteChannel; blue: PaletteChannel } | null;
}

export type VoiFunction = "LINEAR" | "LINEAR_EXACT" | "SIGMOID";

const PALETTE_TAGS = { red: ["00281101", "00281201", "00281221"], green: ["00281102", "00281202", "00281222"], blue: ["00281103", "00281203", "00281223"] } as const;

/** Binary values the metadata does not carry inline (large palettes): tag → bytes, read by the caller from the stored file. */
export type BinaryValues = Record<string, Uint8Array>;

export function paletteDataTags(metadata: DicomJsonDataset): string[] {
  return Object.values(PALETTE_TAGS).flatMap(([, data, segmented]) => [data, segmented]).filter((tag) => metadata[tag] !== undefined && !metadata[tag]?.InlineBinary);
}

export function describePixels(metadata: DicomJsonDataset, binary: BinaryValues = {}): PixelDescription {
  const bitsAllocated = integerValue(metadata, "00280100") ?? 16;
  const bitsStored = integerValue(metadata, "00280101") ?? bitsAllocated;
  const photometric = (textValue(metadata, "00280004") ?? "MONOCHROME2").toUpperCase();
  const slope = numberOf(metadata, "00281053") ?? numberOf(metadata, "3004000E") ?? 1;
  const voi = (textValue(metadata, "00281056") ?? "LINEAR").toUpperCase();
  return {
    rows: integerValue(metadata, "00280010") ?? 0,
    columns: integerValue(metadata, "00280011") ?? 0,
    samplesPerPixel: integerValue(metadata, "00280002") ?? 1,
    bitsAllocated,
    bitsStored,
    highBit: integerValue(metadata, "00280102") ?? bitsStored - 1,
    signed: integerValue(metadata, "00280103") === 1,
    float: metadata["7FE00008"] !== undefined || metadata["7FE00009"] !== undefined,
    planarConfiguration: integerValue(metadata, "00280006") ?? 0,
    photometric,
    rescaleSlope: slope === 0 ? 1 : slope,
    rescaleIntercept: numberOf(metadata, "00281052") ?? 0,
    windowCenter: numberOf(metadata, "00281050"),
    windowWidth: numberOf(metadata, "00281051"),
    voiFunction: voi === "SIGMOID" || voi === "LINEAR_EXACT" ? voi : "LINEAR",
    palette: photometric === "PALETTE COLOR" ? palette(metadata, binary) : null,
  };
}

function numberOf(metadata: DicomJsonDataset, tag: string): number | null {
  const text = textValue(metadata, tag);
  if (text === null) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function palette(metadata: DicomJsonDataset, binary: BinaryValues): PixelDescription["palette"] {
  const channel = ([descriptorTag, dataTag, segmentedTag]: readonly [string, string, string]): PaletteChannel | null => {
    const descriptor = metadata[descriptorTag]?.Value?.map(Number) ?? [];
    const segmented = bytesOf(metadata, segmentedTag, binary);
    const data = segmented ?? bytesOf(metadata, dataTag, binary);
    if (descriptor.length < 3 || !data) return null;
    const [entries = 0, firstMapped = 0, bits = 16] = descriptor;
    return { entries: entries === 0 ? 65536 : entries, firstMapped, bits, data, segmented: segmented !== null };
  };
  const red = channel(PALETTE_TAGS.red);
  const green = channel(PALETTE_TAGS.green);
  const blue = channel(PALETTE_TAGS.blue);
  return red && green && blue ? { red, green, blue } : null;
}

function bytesOf(metadata: DicomJsonDataset, tag: string, binary: BinaryValues): Uint8Array | null {
  const inline = metadata[tag]?.InlineBinary;
  if (inline) return new Uint8Array(Buffer.from(inline, "base64"));
  return binary[tag] ?? null;
}

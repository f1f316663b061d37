import { Context, NativeCodecs } from "dcmjs-codecs";
import { BIG_ENDIAN_SYNTAX, HTJ2K_SYNTAXES, isDecodable, JPEG_2000_SYNTAXES, JPEG_LS_SYNTAXES, JPEG_PROCESS_SYNTAXES, RLE_SYNTAX } from "./decodable-syntaxes";
import { CannotRender } from "./display-image";
import type { PixelDescription } from "./pixel-description";
import { swapToLittleEndian } from "./read-samples";
import { decodeRleFrame } from "./rle-decode";

// One frame in any syntax the browser decodes, to native little-endian pixels. Runs in the
// decode workers only (render-worker.ts): the codecs are WebAssembly builds of libjpeg (DCMTK's
// IJG 8/12/16-bit), CharLS and OpenJPEG/OpenJPH (dcmjs-codecs), the same libraries as
// Cornerstone's codec packages.

export interface DecodedFrame {
  bytes: Uint8Array;
  /** After decoding: colour JPEG and JPEG 2000 (YBR_ICT/RCT) come back as RGB. */
  photometric: string;
  planarConfiguration: number;
  bitsAllocated: number;
  /** A native YBR_FULL_422 frame (two values per pixel), left for the renderer to expand. */
  native422: boolean;
}

/**
 * Rows × columns × samples come from the file, unchecked for compressed frames: a 65535×65535
 * claim would ask for gigabytes outside the worker's heap limit. 40 M samples covers a
 * 6000×6000 radiograph or a 3600×3600 colour image, within the server's memory budget.
 */
export const MAX_DECODED_SAMPLES = 40_000_000;

let codecs: Promise<void> | null = null;

/** The codecs' WebAssembly, loaded once per worker on first use. */
export function ensureCodecs(): Promise<void> {
  codecs ??= NativeCodecs.initializeAsync();
  return codecs;
}

export async function decodeFrame(description: PixelDescription, syntaxUid: string, frame: Uint8Array): Promise<DecodedFrame> {
  if (!isDecodable(syntaxUid)) throw new CannotRender(`no decoder for transfer syntax ${syntaxUid}`);
  const { photometric, planarConfiguration, bitsAllocated } = description;
  const samples = description.rows * description.columns * description.samplesPerPixel;
  if (!(samples > 0)) throw new CannotRender("the image has no rows or columns");
  if (samples > MAX_DECODED_SAMPLES) throw new CannotRender(`${description.columns}x${description.rows}x${description.samplesPerPixel} samples exceed the ${MAX_DECODED_SAMPLES} this server decodes`);
  if (syntaxUid === BIG_ENDIAN_SYNTAX) return { bytes: swapToLittleEndian(frame, bitsAllocated), photometric, planarConfiguration, bitsAllocated, native422: false };
  if (syntaxUid === RLE_SYNTAX) {
    const bytesPerSample = Math.ceil(bitsAllocated / 8);
    const bytes = decodeRleFrame(frame, description.rows * description.columns, bytesPerSample, description.samplesPerPixel);
    // RLE keeps each sample in its own segment; the decoder interleaves them.
    return { bytes, photometric, planarConfiguration: 0, bitsAllocated, native422: false };
  }
  const compressed = JPEG_PROCESS_SYNTAXES.includes(syntaxUid) || JPEG_LS_SYNTAXES.includes(syntaxUid) || JPEG_2000_SYNTAXES.includes(syntaxUid) || HTJ2K_SYNTAXES.includes(syntaxUid);
  if (!compressed) return { bytes: frame, photometric, planarConfiguration, bitsAllocated, native422: photometric === "YBR_FULL_422" };

  await ensureCodecs();
  const context = new Context({
    width: description.columns,
    height: description.rows,
    bitsAllocated,
    bitsStored: description.bitsStored,
    samplesPerPixel: description.samplesPerPixel,
    pixelRepresentation: description.signed ? 1 : 0,
    planarConfiguration,
    photometricInterpretation: photometric,
    encodedBuffer: frame,
  });
  let decoded: Context;
  try {
    if (JPEG_PROCESS_SYNTAXES.includes(syntaxUid)) decoded = NativeCodecs.decodeJpeg(context, { convertColorspaceToRgb: true });
    else if (JPEG_LS_SYNTAXES.includes(syntaxUid)) decoded = NativeCodecs.decodeJpegLs(context);
    else if (JPEG_2000_SYNTAXES.includes(syntaxUid)) decoded = NativeCodecs.decodeJpeg2000(context);
    else decoded = NativeCodecs.decodeHtJpeg2000(context);
  } catch (error) {
    // The codecs throw plain objects as well as Errors.
    throw new CannotRender(`the frame could not be decoded: ${error instanceof Error ? error.message : JSON.stringify(error).slice(0, 200)}`);
  }
  const bytes = decoded.getDecodedBuffer();
  if (!bytes) throw new CannotRender("the decoder returned no pixels");
  const colour = description.samplesPerPixel === 3;
  const toRgb = colour && (JPEG_PROCESS_SYNTAXES.includes(syntaxUid) || photometric === "YBR_ICT" || photometric === "YBR_RCT");
  return {
    bytes: new Uint8Array(bytes),
    photometric: toRgb ? "RGB" : photometric,
    planarConfiguration: colour ? (decoded.getPlanarConfiguration() ?? 0) : 0,
    bitsAllocated: decoded.getBitsAllocated() ?? bitsAllocated,
    native422: false,
  };
}

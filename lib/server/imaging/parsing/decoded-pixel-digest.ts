import { createHash } from "node:crypto";
import path from "node:path";
import { Context, NativeCodecs } from "dcmjs-codecs";
import { integerValue, textValue } from "../../../dicom/dicom-json";
import { nativeFrameBits } from "../../../dicom/locate-frames";
import type { ParsedInstance } from "../../../dicom/parse-instance";

// The digest of an instance's pixels decoded to native little endian, frame after frame: the
// same image sent native then RLE / JPEG lossless / JPEG-LS lossless / JPEG 2000 lossless has
// the same one. Computed in the parse worker (untrusted compressed data, WebAssembly codecs),
// and only when an instance arrives under a stored UID in another transfer syntax. Lossy
// syntaxes have none: their pixels are not the original's, so such a copy is another dataset.

type Decoder = (context: Context) => Context;

const DECODERS: Record<string, Decoder> = {
  "1.2.840.10008.1.2.5": (context) => NativeCodecs.decodeRle(context),
  "1.2.840.10008.1.2.4.57": (context) => NativeCodecs.decodeJpeg(context),
  "1.2.840.10008.1.2.4.70": (context) => NativeCodecs.decodeJpeg(context),
  "1.2.840.10008.1.2.4.80": (context) => NativeCodecs.decodeJpegLs(context),
  "1.2.840.10008.1.2.4.90": (context) => NativeCodecs.decodeJpeg2000(context),
};
const NATIVE = new Set(["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"]);

let codecs: Promise<void> | null = null;

/** Null when the pixels cannot be compared decoded (lossy syntax, 1-bit, undecodable). */
export async function decodedPixelDigest(bytes: Uint8Array, parsed: ParsedInstance): Promise<string | null> {
  const { metadata, transferSyntaxUid, frames } = parsed;
  const rows = parsed.instance.rows;
  const columns = parsed.instance.columns;
  const bitsAllocated = integerValue(metadata, "00280100");
  const samplesPerPixel = integerValue(metadata, "00280002") ?? 1;
  if (frames.length === 0 || rows === null || columns === null || bitsAllocated === null || bitsAllocated < 8) return null;
  const geometry = { rows, columns, bitsAllocated, samplesPerPixel, numberOfFrames: frames.length, photometricInterpretation: textValue(metadata, "00280004") };
  const frameBytes = nativeFrameBits(geometry) / 8;
  const hash = createHash("sha256");
  if (NATIVE.has(transferSyntaxUid)) {
    for (const ranges of frames) for (const [offset, length] of ranges) hash.update(bytes.subarray(offset, offset + length));
    return hash.digest("hex");
  }
  const decode = DECODERS[transferSyntaxUid];
  if (!decode) return null;
  // Resolved from the project root, as the worker bundle lives elsewhere than the package.
  codecs ??= NativeCodecs.initializeAsync({ webAssemblyModulePathOrUrl: path.resolve("node_modules", "dcmjs-codecs", "build", "dcmjs-native-codecs.wasm") });
  await codecs;
  for (const ranges of frames) {
    const encoded = Buffer.concat(ranges.map(([offset, length]) => bytes.subarray(offset, offset + length)));
    const context = new Context({
      width: columns,
      height: rows,
      bitsAllocated,
      bitsStored: integerValue(metadata, "00280101") ?? bitsAllocated,
      samplesPerPixel,
      pixelRepresentation: integerValue(metadata, "00280103") ?? 0,
      planarConfiguration: integerValue(metadata, "00280006") ?? 0,
      photometricInterpretation: geometry.photometricInterpretation ?? "MONOCHROME2",
      encodedBuffer: encoded,
    });
    let decoded: Uint8Array | undefined;
    try {
      decoded = decode(context).getDecodedBuffer();
    } catch {
      return null;
    }
    if (!decoded || decoded.length < frameBytes) return null;
    hash.update(decoded.subarray(0, frameBytes));
  }
  return hash.digest("hex");
}

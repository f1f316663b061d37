import "server-only";
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import { DicomRejection } from "@/lib/dicom/dicom-rejection";
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME, part10FromDataset } from "@/lib/dicom/part10-from-dataset";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN } from "@/lib/dicom/transfer-syntaxes";

// Deflated Explicit VR Little Endian (PS3.5 A.5) compresses the whole dataset, so its frames
// have no byte range in the file and no viewer can fetch them. It is a valid way to send an
// instance: the archive inflates it and keeps the same dataset as Explicit VR Little Endian,
// which is what deflate wraps. Off the event loop (zlib's thread pool) and bounded, so a
// small body cannot inflate into gigabytes.

const inflate = promisify(inflateRaw);

/** The file as the archive stores it: unchanged, or inflated when it came deflated. */
export async function inflateIfDeflated(bytes: Uint8Array, maxInstanceBytes: number): Promise<Uint8Array> {
  const meta = readMetaHeader(bytes);
  if (meta.transferSyntaxUid !== DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) return bytes;
  let dataset: Buffer;
  try {
    dataset = await inflate(bytes.subarray(meta.datasetOffset), { maxOutputLength: maxInstanceBytes });
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError;
    if (tooLarge) throw new DicomRejection("TOO_LARGE", `the deflated dataset inflates beyond the ${maxInstanceBytes}-byte limit`);
    throw new DicomRejection("MALFORMED", `the deflated dataset cannot be inflated: ${(error as Error).message.slice(0, 120)}`);
  }
  return part10FromDataset({
    sopClassUid: meta.mediaStorageSopClassUid,
    sopInstanceUid: meta.mediaStorageSopInstanceUid,
    transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN,
    sourceAeTitle: "",
    implementationClassUid: IMPLEMENTATION_CLASS_UID,
    implementationVersionName: IMPLEMENTATION_VERSION_NAME,
    chunks: [dataset],
  });
}

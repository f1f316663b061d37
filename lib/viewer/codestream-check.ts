// A frame's codestream is checked for completeness before it reaches the decoder. OpenJPEG
// (Cornerstone's JPEG 2000 codec) reports success on a codestream cut short: it logs "failed
// to read the header" and hands back the buffer of the frame it decoded before, i.e. another
// image's pixels under this image's overlay. A JPEG family codestream always ends with its end
// marker (JPEG 2000 EOC, JPEG/JPEG-LS EOI: FF D9), possibly followed by padding: the even-length pad (00) or JPEG fill bytes (FF), both seen in
// real files (pydicom's JPGExtended.dcm and examples_jpeg2k.dcm end "FF D9 FF").

const ENDS_WITH_FF_D9 = new Set([
  "1.2.840.10008.1.2.4.50", // JPEG baseline
  "1.2.840.10008.1.2.4.51", // JPEG extended
  "1.2.840.10008.1.2.4.57", // JPEG lossless
  "1.2.840.10008.1.2.4.70", // JPEG lossless SV1
  "1.2.840.10008.1.2.4.80", // JPEG-LS lossless
  "1.2.840.10008.1.2.4.81", // JPEG-LS near-lossless
  "1.2.840.10008.1.2.4.90", // JPEG 2000 lossless
  "1.2.840.10008.1.2.4.91", // JPEG 2000
]);

/** The transfer syntax of a single-part frame answer, from its Content-Type (null for multipart or none). */
export function singlePartTransferSyntax(contentType: string | null): string | null {
  if (!contentType || /^\s*multipart\//i.test(contentType)) return null;
  return /transfer-syntax="?([0-9.]+)"?/i.exec(contentType)?.[1] ?? null;
}

/** Whether a frame's codestream cannot be a whole image (false when it may be, or is not checked). */
export function isTruncatedCodestream(bytes: Uint8Array, transferSyntax: string | null): boolean {
  if (!transferSyntax || !ENDS_WITH_FF_D9.has(transferSyntax)) return false;
  // Trailing 00 and FF bytes are padding (DICOM fragments have an even length; encoders pad
  // with either). Dropping a trailing FF cannot create an end marker that was not there.
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0xff)) end--;
  return !(end >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9);
}

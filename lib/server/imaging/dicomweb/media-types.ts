import { EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from "@/lib/dicom/transfer-syntaxes";

// The media type of pixel data in each transfer syntax (PS3.18 Table 8.7.3-2): compressed
// frames are labelled with what they are, never as octet-stream of another syntax.

export const EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";

const MEDIA_BY_SYNTAX: Record<string, string> = {
  "1.2.840.10008.1.2.5": "image/dicom-rle",
  "1.2.840.10008.1.2.4.50": "image/jpeg",
  "1.2.840.10008.1.2.4.51": "image/jpeg",
  "1.2.840.10008.1.2.4.57": "image/jpeg",
  "1.2.840.10008.1.2.4.70": "image/jpeg",
  "1.2.840.10008.1.2.4.80": "image/jls",
  "1.2.840.10008.1.2.4.81": "image/jls",
  "1.2.840.10008.1.2.4.90": "image/jp2",
  "1.2.840.10008.1.2.4.91": "image/jp2",
  "1.2.840.10008.1.2.4.92": "image/jpx",
  "1.2.840.10008.1.2.4.93": "image/jpx",
  "1.2.840.10008.1.2.4.201": "image/jphc",
  "1.2.840.10008.1.2.4.202": "image/jphc",
  "1.2.840.10008.1.2.4.203": "image/jphc",
};

/** The transfer syntax a media type means when the client names no transfer-syntax (PS3.18 Table 8.7.3-5). */
export const DEFAULT_SYNTAX_BY_MEDIA: Record<string, string> = {
  "application/octet-stream": EXPLICIT_VR_LITTLE_ENDIAN,
  "image/dicom-rle": "1.2.840.10008.1.2.5",
  "image/jpeg": "1.2.840.10008.1.2.4.50",
  "image/jls": "1.2.840.10008.1.2.4.80",
  "image/jp2": "1.2.840.10008.1.2.4.90",
  "image/jpx": "1.2.840.10008.1.2.4.92",
  "image/jphc": "1.2.840.10008.1.2.4.201",
};

/** Native syntaxes: their frames are raw pixels (application/octet-stream). */
export function isNativeSyntax(uid: string): boolean {
  return uid === IMPLICIT_VR_LITTLE_ENDIAN || uid === EXPLICIT_VR_LITTLE_ENDIAN || uid === EXPLICIT_VR_BIG_ENDIAN || uid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
}

/** Frames of these are byte-for-byte Explicit VR Little Endian pixels (deflate applies to the file, not to the frame ranges). */
export function isLittleEndianNative(uid: string): boolean {
  return uid === IMPLICIT_VR_LITTLE_ENDIAN || uid === EXPLICIT_VR_LITTLE_ENDIAN || uid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
}

export function frameMediaType(syntaxUid: string): string {
  return MEDIA_BY_SYNTAX[syntaxUid] ?? "application/octet-stream";
}

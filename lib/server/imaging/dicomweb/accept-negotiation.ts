import { EXPLICIT_VR_LITTLE_ENDIAN } from "@/lib/dicom/transfer-syntaxes";
import { DEFAULT_SYNTAX_BY_MEDIA, frameMediaType, isLittleEndianNative } from "./media-types";
import { splitOutsideQuotes } from "./multipart-related";

// Accept negotiation for WADO-RS (PS3.18 §8.7.3): which representation answers a request, or
// why none can (406). Pure. Ranges are tried by decreasing q, in the client's order on ties.
// No Accept and */* both mean "as stored". A syntax the instance is not in is decoded on the
// server to Explicit VR Little Endian when that is asked (never the stored bytes relabelled).

export interface MediaRange {
  /** "multipart/related" when the client asked for multipart, else the media type itself. */
  multipart: boolean;
  /** The part's media type ("*\/*" for anything). */
  type: string;
  transferSyntax: string | undefined;
  q: number;
}

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header || header.trim() === "") return [{ multipart: false, type: "*/*", transferSyntax: undefined, q: 1 }];
  const ranges: MediaRange[] = [];
  for (const text of splitOutsideQuotes(header, ",")) {
    const [first = "", ...rest] = splitOutsideQuotes(text, ";");
    const mediaType = first.trim().toLowerCase();
    if (!/^[a-z0-9!#$&^_.+*-]+\/[a-z0-9!#$&^_.+*-]+$/.test(mediaType)) continue;
    const params = parseParams(rest);
    const q = params.q === undefined ? 1 : Number(params.q);
    if (!Number.isFinite(q) || q <= 0) continue;
    const multipart = mediaType === "multipart/related";
    const type = multipart ? (params.type?.toLowerCase() ?? "*/*") : mediaType;
    ranges.push({ multipart, type, transferSyntax: params["transfer-syntax"], q: Math.min(1, q) });
  }
  // A stable sort keeps the client's order among equal q-values.
  return ranges.map((range, index) => ({ range, index })).sort((a, b) => b.range.q - a.range.q || a.index - b.index).map(({ range }) => range);
}

function parseParams(parts: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const part of parts) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    let value = part.slice(index + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    params[part.slice(0, index).trim().toLowerCase()] = value;
  }
  return params;
}

export type Negotiated<T> = ({ ok: true } & T) | { ok: false; reason: string };

export interface FrameAnswer {
  /** The syntax of the bytes sent. */
  syntax: string;
  /** The media type of each frame (its Content-Type without the transfer-syntax parameter). */
  mediaType: string;
  singlePart: boolean;
  /** Decode on the server (the stored frames are in another syntax). */
  transcode: boolean;
}

/**
 * Frames (and pixel-data bulk data). `decodable` says whether the server can decode the stored
 * syntax to Explicit VR Little Endian. The label follows the range that matched: a client asking
 * application/octet-stream with transfer-syntax=* gets the stored bytes under that label with
 * their syntax named; any-type or an image range gets the compressed media type itself.
 */
export function negotiateFrames(accept: string | undefined, stored: string, frameCount: number, decodable: boolean): Negotiated<FrameAnswer> {
  const storedMedia = frameMediaType(stored);
  for (const range of parseAccept(accept)) {
    if (!range.multipart && frameCount !== 1 && range.type !== "*/*") continue;
    const singlePart = !range.multipart && range.type !== "*/*" && frameCount === 1;
    if (range.type === "*/*" || range.type === "image/*") {
      if (range.transferSyntax === undefined || range.transferSyntax === "*" || range.transferSyntax === stored) {
        return { ok: true, syntax: stored, mediaType: storedMedia, singlePart, transcode: false };
      }
      if (range.transferSyntax === EXPLICIT_VR_LITTLE_ENDIAN && range.type === "*/*") {
        const answer = toExplicitLittle(stored, singlePart, decodable);
        if (answer) return answer;
      }
      continue;
    }
    const wanted = range.transferSyntax ?? DEFAULT_SYNTAX_BY_MEDIA[range.type];
    if (wanted === undefined) continue;
    if (range.type === "application/octet-stream") {
      if (wanted === "*" || wanted === stored) return { ok: true, syntax: stored, mediaType: "application/octet-stream", singlePart, transcode: false };
      if (wanted === EXPLICIT_VR_LITTLE_ENDIAN) {
        const answer = toExplicitLittle(stored, singlePart, decodable);
        if (answer) return answer;
      }
      continue;
    }
    // image/jls, image/jp2, image/jpeg, image/dicom-rle...: only as stored (no compression here).
    if (range.type === storedMedia && (wanted === "*" || wanted === stored)) return { ok: true, syntax: stored, mediaType: storedMedia, singlePart, transcode: false };
  }
  return {
    ok: false,
    reason: `frames are stored as ${stored} (${storedMedia}); this server sends them as stored (transfer-syntax=* or that UID) or decoded to ${EXPLICIT_VR_LITTLE_ENDIAN}${decodable ? "" : " (not for this syntax)"}; one frame may come as a single part, several need multipart/related`,
  };
}

function toExplicitLittle(stored: string, singlePart: boolean, decodable: boolean): Negotiated<FrameAnswer> | null {
  if (isLittleEndianNative(stored)) return { ok: true, syntax: EXPLICIT_VR_LITTLE_ENDIAN, mediaType: "application/octet-stream", singlePart, transcode: false };
  if (!decodable) return null;
  return { ok: true, syntax: EXPLICIT_VR_LITTLE_ENDIAN, mediaType: "application/octet-stream", singlePart, transcode: true };
}

export interface InstanceAnswer {
  syntax: string;
  singlePart: boolean;
  transcode: boolean;
}

/**
 * Whole instances (application/dicom). Without a transfer-syntax parameter the file comes as
 * stored (PS3.18 would default to Explicit VR Little Endian; clients downloading "the file"
 * expect it untouched, and transfer-syntax=1.2.840.10008.1.2.1 asks for the decoded one).
 */
export function negotiateInstance(accept: string | undefined, stored: string, decodable: boolean): Negotiated<InstanceAnswer> {
  for (const range of parseAccept(accept)) {
    if (range.type !== "*/*" && range.type !== "application/dicom") continue;
    const singlePart = !range.multipart && range.type === "application/dicom";
    const wanted = range.transferSyntax;
    if (wanted === undefined || wanted === "*" || wanted === stored) return { ok: true, syntax: stored, singlePart, transcode: false };
    if (wanted === EXPLICIT_VR_LITTLE_ENDIAN && (decodable || isLittleEndianNative(stored))) return { ok: true, syntax: wanted, singlePart, transcode: true };
  }
  return { ok: false, reason: `instances are sent as application/dicom, as stored (${stored}) or transcoded to ${EXPLICIT_VR_LITTLE_ENDIAN}${decodable ? "" : " (not for this syntax)"}` };
}

export type RenderedMedia = "image/jpeg" | "image/png" | "application/pdf";

/** Rendered resources (PS3.18 §9.5): JPEG by default, PNG on request, the document itself for an encapsulated PDF. */
export function negotiateRendered(accept: string | undefined, holds: "image" | "pdf" | "other"): Negotiated<{ mediaType: RenderedMedia }> {
  for (const range of parseAccept(accept)) {
    if (range.multipart) continue;
    const type = range.type;
    if (holds === "pdf" && (type === "application/pdf" || type === "*/*" || type === "application/*")) return { ok: true, mediaType: "application/pdf" };
    if (holds !== "image") continue;
    if (type === "image/jpeg" || type === "image/*" || type === "*/*") return { ok: true, mediaType: "image/jpeg" };
    if (type === "image/png") return { ok: true, mediaType: "image/png" };
  }
  if (holds === "pdf") return { ok: false, reason: "this instance is an encapsulated PDF: ask for application/pdf" };
  if (holds === "other") return { ok: false, reason: "this instance holds no image to render (a report, a waveform or another non-image object): retrieve it as application/dicom" };
  return { ok: false, reason: "rendered images are image/jpeg or image/png" };
}

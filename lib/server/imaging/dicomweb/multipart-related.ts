import { randomBytes } from "node:crypto";
import { ByteAccumulator } from "./byte-accumulator";

// multipart/related (RFC 2387) as DICOMweb uses it: STOW-RS bodies in, WADO-RS answers out.

export interface ContentType {
  mediaType: string;
  params: Record<string, string>;
}

/** "multipart/related; type=\"application/dicom\"; boundary=abc" -> media type and lower-cased parameter names. */
export function parseContentType(header: string | undefined): ContentType | null {
  if (!header) return null;
  const [first, ...rest] = splitOutsideQuotes(header, ";");
  const mediaType = (first ?? "").trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mediaType)) return null;
  const params: Record<string, string> = {};
  for (const part of rest) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim().toLowerCase();
    let value = part.slice(index + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    params[name] = value;
  }
  return { mediaType, params };
}

export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

export interface MultipartPart {
  headers: Record<string, string>;
  body: Buffer;
}

const MAX_BOUNDARY = 200;

export class MultipartError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message);
  }
}

/**
 * Reads parts from a multipart/related stream as they complete, holding at most one part
 * (up to maxPartBytes) in memory, so a study of hundreds of instances streams through.
 */
export async function* readMultipart(stream: AsyncIterable<Buffer>, boundary: string, limits: { maxPartBytes: number; maxTotalBytes: number }): AsyncGenerator<MultipartPart> {
  // RFC 2046 caps boundaries at 70 characters, but real senders do not (Orthanc sends 73):
  // any printable boundary up to MAX_BOUNDARY is read, so a PACS push is never refused for it.
  if (!/^[ -~]*[!-~]$/.test(boundary) || boundary.length > MAX_BOUNDARY) {
    throw new MultipartError(`invalid multipart boundary: 1 to ${MAX_BOUNDARY} printable characters, not ending in a space`, 400);
  }
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter may open the body without a preceding CRLF.
  const pending = new ByteAccumulator();
  pending.append(Buffer.from("\r\n"));
  let total = 0;
  let started = false;
  let finished = false;
  let searchFrom = 0;
  let atDelimiter = false;

  for await (const chunk of stream) {
    total += chunk.length;
    if (total > limits.maxTotalBytes) throw new MultipartError(`request body over the ${limits.maxTotalBytes}-byte limit`, 413);
    if (finished) continue;
    pending.append(chunk);
    for (;;) {
      const view = pending.view();
      const index = view.indexOf(delimiter, searchFrom);
      if (index < 0) {
        if (started && view.length > limits.maxPartBytes + 16 * 1024) {
          throw new MultipartError(`a part is over the ${limits.maxPartBytes}-byte instance limit`, 413);
        }
        searchFrom = Math.max(0, view.length - delimiter.length);
        break;
      }
      // A delimiter kept from the previous chunk (its line was incomplete) closed its part already.
      // The part leaves the accumulator as a copy of its own: the accumulator's bytes are reused.
      if (started && !atDelimiter) yield parsePart(view.subarray(0, index));
      started = true;
      atDelimiter = false;
      const after = index + delimiter.length;
      if (view.length < after + 2) {
        // Need two more bytes to know whether this is the closing delimiter.
        pending.consume(index);
        searchFrom = 0;
        atDelimiter = true;
        break;
      }
      if (view[after] === 0x2d && view[after + 1] === 0x2d) {
        finished = true;
        pending.clear();
        break;
      }
      const lineEnd = view.indexOf("\r\n", after);
      if (lineEnd < 0) {
        pending.consume(index);
        searchFrom = 0;
        atDelimiter = true;
        break;
      }
      pending.consume(lineEnd + 2);
      searchFrom = 0;
    }
  }
  if (!started) throw new MultipartError("no part found: is the boundary right?", 400);
  if (!finished) throw new MultipartError("truncated multipart body: the closing delimiter is missing", 400);
}

/** Headers parsed, body copied out of the reader's reused buffer into one of its own, exactly its size. */
function parsePart(raw: Buffer): MultipartPart {
  // A part without headers starts with the blank line itself.
  if (raw[0] === 0x0d && raw[1] === 0x0a) return { headers: {}, body: ownCopy(raw.subarray(2)) };
  const headerEnd = raw.indexOf("\r\n\r\n");
  if (headerEnd < 0) throw new MultipartError("a part has no blank line after its headers", 400);
  const headers: Record<string, string> = {};
  for (const line of raw.subarray(0, headerEnd).toString("latin1").split("\r\n")) {
    const index = line.indexOf(":");
    if (index > 0) headers[line.slice(0, index).trim().toLowerCase()] = line.slice(index + 1).trim();
  }
  return { headers, body: ownCopy(raw.subarray(headerEnd + 4)) };
}

function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** A fresh boundary for an answer. */
export function newBoundary(): string {
  return `teleradio-${randomBytes(12).toString("hex")}`;
}

/** The header block of one part of an answer. "Content-Type:" is written exactly so: Cornerstone looks for it case-sensitively. */
export function partHeader(boundary: string, contentType: string, extra: Record<string, string> = {}): Buffer {
  const lines = [`--${boundary}`, `Content-Type: ${contentType}`, ...Object.entries(extra).map(([name, value]) => `${name}: ${value}`), "", ""];
  return Buffer.from(lines.join("\r\n"), "latin1");
}

export function closingDelimiter(boundary: string): Buffer {
  return Buffer.from(`--${boundary}--\r\n`, "latin1");
}

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MultipartError, readMultipart } from "./multipart-related";

const BOUNDARY = "b-0123";
const LIMITS = { maxPartBytes: 4 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

function body(parts: readonly Buffer[], options: { leadingCrlf?: boolean; headers?: boolean } = {}): Buffer {
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    const opening = index === 0 && !options.leadingCrlf ? `--${BOUNDARY}\r\n` : `\r\n--${BOUNDARY}\r\n`;
    const headers = options.headers === false ? "\r\n" : `Content-Type: application/dicom\r\nContent-Length: ${part.length}\r\n\r\n`;
    pieces.push(Buffer.from(opening + headers), part);
  });
  pieces.push(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}

/** The same bytes as a sender's socket may deliver them: in chunks of any size. */
async function* chunked(bytes: Buffer, sizes: () => number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; ) {
    const size = Math.max(1, sizes());
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

async function readAll(bytes: Buffer, sizes: () => number) {
  const out: { headers: Record<string, string>; body: Buffer }[] = [];
  for await (const part of readMultipart(chunked(bytes, sizes), BOUNDARY, LIMITS)) out.push(part);
  return out;
}

describe("reading a STOW-RS multipart/related body", () => {
  const instances = [randomBytes(300_000), randomBytes(1), randomBytes(70_000), Buffer.from(`\r\n--${BOUNDARY.slice(0, 4)}`)];

  it.each([
    ["64 KiB chunks", () => 65_536],
    ["1-byte chunks around every boundary", (() => { let n = 0; return () => (n++ % 7 === 0 ? 1 : 4099); })()],
    ["random chunk sizes", () => 1 + Math.floor(Math.random() * 200_000)],
    ["the whole body at once", () => Number.MAX_SAFE_INTEGER],
  ])("gives every part's bytes exactly, whatever the chunking (%s)", async (_name, sizes) => {
    const parts = await readAll(body(instances), sizes);
    expect(parts.map((p) => p.body.equals(instances[parts.indexOf(p)]!))).toEqual([true, true, true, true]);
    expect(parts[0]?.headers["content-type"]).toBe("application/dicom");
  });

  it("keeps each part's bytes intact while later parts are read (parts are ingested in parallel)", async () => {
    const parts = await readAll(body(instances, { leadingCrlf: true, headers: false }), () => 8192);
    expect(parts.map((p, i) => p.body.equals(instances[i]!))).toEqual([true, true, true, true]);
    expect(parts[0]?.headers).toEqual({});
  });

  it("refuses a body without its closing delimiter", async () => {
    const truncated = body(instances).subarray(0, 200_000);
    await expect(readAll(truncated, () => 65_536)).rejects.toThrow(MultipartError);
  });
});

// RLE Lossless (PS3.5 Annex G) for one frame of single-sample pixels.
// A frame is a 64-byte header (segment count, then 15 offsets) followed by one segment per byte
// plane, most significant plane first; each segment is PackBits, row by row, padded to even length.

const HEADER_BYTES = 64;
const MAX_SEGMENTS = 15;
const MAX_RUN = 128;

export interface RleFrameLayout {
  rows: number;
  columns: number;
  /** 1 for 8-bit samples, 2 for 16-bit. */
  bytesPerSample: 1 | 2;
}

/** `pixels` holds the native frame in little-endian byte order (as it would sit in Pixel Data). */
export function encodeRleFrame(pixels: Uint8Array, layout: RleFrameLayout): Uint8Array {
  const { rows, columns, bytesPerSample } = layout;
  const pixelCount = rows * columns;
  if (pixels.length !== pixelCount * bytesPerSample) {
    throw new RangeError(`RLE frame expects ${pixelCount * bytesPerSample} bytes, got ${pixels.length}`);
  }
  if (bytesPerSample > MAX_SEGMENTS) throw new RangeError("Too many RLE segments");

  // Worst case per row: one literal header per 128 bytes, plus one pad byte per segment.
  const worstSegment = rows * (columns + Math.ceil(columns / MAX_RUN)) + 1;
  const out = new Uint8Array(HEADER_BYTES + bytesPerSample * worstSegment);
  const header = new DataView(out.buffer);
  header.setUint32(0, bytesPerSample, true);

  const plane = new Uint8Array(pixelCount);
  let offset = HEADER_BYTES;
  for (let segment = 0; segment < bytesPerSample; segment++) {
    header.setUint32(4 + segment * 4, offset, true);
    // Segment 0 is the most significant byte, which is the last byte of a little-endian sample.
    const byteInSample = bytesPerSample - 1 - segment;
    for (let i = 0; i < pixelCount; i++) plane[i] = pixels[i * bytesPerSample + byteInSample] ?? 0;
    for (let row = 0; row < rows; row++) {
      offset = packBitsRow(plane, row * columns, (row + 1) * columns, out, offset);
    }
    if (offset % 2 === 1) out[offset++] = 0;
  }
  return out.slice(0, offset);
}

/**
 * PackBits one row into `out` at `offset`, returning the new offset. A header n in 0..127 copies
 * n + 1 literal bytes; n in -127..-1 repeats the next byte 1 - n times; -128 is never written.
 * Literals stop where a run of three starts, so runs pay off and a two-byte repeat never splits one.
 */
function packBitsRow(source: Uint8Array, start: number, end: number, out: Uint8Array, offset: number): number {
  let i = start;
  while (i < end) {
    const value = source[i] ?? 0;
    let run = 1;
    while (i + run < end && run < MAX_RUN && source[i + run] === value) run++;
    if (run > 1) {
      out[offset++] = 257 - run; // two's complement of -(run - 1)
      out[offset++] = value;
      i += run;
      continue;
    }
    const literalStart = i;
    i++;
    while (i < end && i - literalStart < MAX_RUN) {
      if (i + 2 < end && source[i] === source[i + 1] && source[i] === source[i + 2]) break;
      i++;
    }
    out[offset++] = i - literalStart - 1;
    out.set(source.subarray(literalStart, i), offset);
    offset += i - literalStart;
  }
  return offset;
}

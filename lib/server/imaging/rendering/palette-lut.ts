import type { PaletteChannel } from "./pixel-description";

// PALETTE COLOR lookup tables (PS3.3 C.7.6.3.1.5/6), normal and segmented (C.7.9.2), as
// 8-bit values indexed by stored pixel value minus the first mapped value.

export function paletteTo8Bit(channel: PaletteChannel): Uint8Array {
  const words = channel.segmented ? expandSegments(readWords(channel.data), channel.entries) : entriesOf(channel);
  let max = 0;
  for (const w of words) if (w > max) max = w;
  // Entries are 16-bit words; 8-bit palettes sometimes keep values 0..255 in them, sometimes 0..65535.
  const shift = channel.bits > 8 || max > 255 ? 8 : 0;
  const out = new Uint8Array(channel.entries);
  for (let i = 0; i < channel.entries; i++) out[i] = Math.min(255, (words[i] ?? 0) >> shift);
  return out;
}

function entriesOf(channel: PaletteChannel): Uint16Array {
  // Some writers pack an 8-bit palette one byte per entry instead of one word.
  if (channel.bits === 8 && channel.data.length === channel.entries) return Uint16Array.from(channel.data);
  return readWords(channel.data);
}

function readWords(bytes: Uint8Array): Uint16Array {
  const words = new Uint16Array(bytes.length >> 1);
  for (let i = 0; i < words.length; i++) words[i] = (bytes[i * 2] ?? 0) | ((bytes[i * 2 + 1] ?? 0) << 8);
  return words;
}

/** Segmented palette data: discrete (0), linear (1) and indirect (2) segments. */
export function expandSegments(segments: Uint16Array, entries: number): Uint16Array {
  const out: number[] = [];
  const run = (start: number, end: number, depth: number): void => {
    if (depth > 4) throw new RangeError("segmented palette: indirect segments nest too deep");
    let i = start;
    while (i + 1 < end && out.length < entries) {
      const type = segments[i] ?? 0;
      const length = segments[i + 1] ?? 0;
      if (type === 0) {
        for (let n = 0; n < length; n++) out.push(segments[i + 2 + n] ?? 0);
        i += 2 + length;
      } else if (type === 1) {
        const from = out[out.length - 1] ?? 0;
        const to = segments[i + 2] ?? 0;
        for (let n = 1; n <= length; n++) out.push(Math.round(from + ((to - from) * n) / length));
        i += 3;
      } else if (type === 2) {
        const offset = (segments[i + 2] ?? 0) | ((segments[i + 3] ?? 0) << 16);
        // Indirect: replay `length` segments found at a word offset of this same data.
        let j = offset;
        for (let n = 0; n < length && j + 1 < segments.length; n++) {
          const segmentEnd = segmentLength(segments, j);
          run(j, j + segmentEnd, depth + 1);
          j += segmentEnd;
        }
        i += 4;
      } else throw new RangeError(`segmented palette: unknown segment type ${type}`);
    }
  };
  run(0, segments.length, 0);
  return Uint16Array.from(out.slice(0, entries));
}

function segmentLength(segments: Uint16Array, at: number): number {
  const type = segments[at] ?? 0;
  if (type === 0) return 2 + (segments[at + 1] ?? 0);
  return type === 1 ? 3 : 4;
}

// RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then PackBits segments,
// one per byte plane (most significant first) of each sample.

export function decodeRleFrame(frame: Uint8Array, pixelCount: number, bytesPerSample: number, samplesPerPixel: number): Uint8Array {
  if (frame.length < 64) throw new Error("RLE frame shorter than its header");
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  const expected = bytesPerSample * samplesPerPixel;
  if (segments !== expected) throw new Error(`RLE frame has ${segments} segments, ${expected} expected`);
  const out = new Uint8Array(pixelCount * expected);
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + s * 4, true);
    const end = s + 1 < segments ? view.getUint32(8 + s * 4, true) : frame.length;
    if (start < 64 || end > frame.length || start > end) throw new Error("RLE segment offsets out of bounds");
    const sample = Math.floor(s / bytesPerSample);
    // Segments hold the most significant byte first; little-endian output puts it last.
    const byteInSample = bytesPerSample - 1 - (s % bytesPerSample);
    unpackBits(frame, start, end, out, sample * bytesPerSample + byteInSample, expected, pixelCount);
  }
  return out;
}

function unpackBits(src: Uint8Array, start: number, end: number, out: Uint8Array, first: number, stride: number, count: number): void {
  let i = start;
  let written = 0;
  while (i < end && written < count) {
    const header = src[i++] ?? 0;
    if (header < 128) {
      for (let n = 0; n <= header && written < count && i < end; n++) out[first + stride * written++] = src[i++] ?? 0;
    } else if (header > 128) {
      const value = src[i++] ?? 0;
      for (let n = 0; n < 257 - header && written < count; n++) out[first + stride * written++] = value;
    }
  }
}

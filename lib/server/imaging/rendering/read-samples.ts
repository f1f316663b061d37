import type { PixelDescription } from "./pixel-description";

// Stored values of one native frame (little endian) as numbers, pixel by pixel with their
// samples interleaved: 1-bit packed, 8/16/32-bit integers (masked to Bits Stored, sign-extended
// when signed), 32/64-bit floats, colour-by-plane reordered.

export function readSamples(description: PixelDescription, bytes: Uint8Array, planarConfiguration = description.planarConfiguration): Float32Array {
  const { rows, columns, samplesPerPixel: spp, bitsAllocated } = description;
  const pixels = rows * columns;
  const count = pixels * spp;
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const available = bitsAllocated === 1 ? bytes.length * 8 : Math.floor(bytes.length / (bitsAllocated / 8));
  if (available < count) throw new RangeError(`the frame holds ${available} samples, ${count} expected`);
  const shift = Math.max(0, description.highBit + 1 - description.bitsStored);
  const mask = description.bitsStored >= 32 ? 0xffffffff : 2 ** description.bitsStored - 1;
  const signBit = 2 ** (description.bitsStored - 1);
  const integer = (raw: number): number => {
    const value = Math.floor(raw / 2 ** shift) % (mask + 1);
    return description.signed && value >= signBit ? value - (mask + 1) : value;
  };
  const read = (index: number): number => {
    switch (bitsAllocated) {
      case 1:
        // The first pixel is the least significant bit of the first byte (PS3.5 8.1.1).
        return ((bytes[index >> 3] ?? 0) >> (index & 7)) & 1;
      case 8:
        return integer(bytes[index] ?? 0);
      case 16:
        return integer(view.getUint16(index * 2, true));
      case 32:
        return description.float ? view.getFloat32(index * 4, true) : integer(view.getUint32(index * 4, true));
      case 64:
        return view.getFloat64(index * 8, true);
      default:
        throw new RangeError(`Bits Allocated ${bitsAllocated} is not supported`);
    }
  };
  if (spp > 1 && planarConfiguration === 1) {
    for (let s = 0; s < spp; s++) for (let p = 0; p < pixels; p++) out[p * spp + s] = read(s * pixels + p);
  } else {
    for (let i = 0; i < count; i++) out[i] = read(i);
  }
  return out;
}

/** Big-endian native pixels to little endian (Explicit VR Big Endian files): swaps each word in a copy. */
export function swapToLittleEndian(bytes: Uint8Array, bitsAllocated: number): Uint8Array {
  const size = bitsAllocated / 8;
  if (!Number.isInteger(size) || size <= 1) return bytes;
  const out = new Uint8Array(bytes.length - (bytes.length % size));
  for (let i = 0; i < out.length; i += size) for (let b = 0; b < size; b++) out[i + b] = bytes[i + size - 1 - b] ?? 0;
  return out;
}

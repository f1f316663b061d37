import { paletteTo8Bit } from "./palette-lut";
import type { PixelDescription, VoiFunction } from "./pixel-description";

// Stored values to what a screen shows (PS3.3 C.11): greyscale through the modality LUT
// (rescale), the VOI window (the request's, the file's, or the pixel range when the width is
// ≤ 1 — a real MR had 0/0, which renders black) and MONOCHROME1 inversion; colour converted to
// RGB (YBR_FULL, YBR_FULL_422, PALETTE COLOR) and brought to 8 bits.

export interface DisplayImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

export interface Window {
  center: number;
  width: number;
  fn: VoiFunction;
}

export class CannotRender extends Error {}

/** `native422`: the samples are a native YBR_FULL_422 frame (2 values per pixel), read as such. */
export function toDisplay(description: PixelDescription, samples: Float32Array, photometric: string, window: Window | null, native422 = false): DisplayImage {
  const { rows: height, columns: width } = description;
  const pixels = width * height;
  switch (photometric) {
    case "MONOCHROME1":
    case "MONOCHROME2":
      return { width, height, channels: 1, data: greyscale(description, samples, pixels, window, photometric === "MONOCHROME1") };
    case "RGB":
    case "YBR_FULL":
    case "YBR_FULL_422":
    case "YBR_ICT":
    case "YBR_RCT":
      return { width, height, channels: 3, data: colour(description, samples, pixels, photometric, native422) };
    case "PALETTE COLOR":
      return { width, height, channels: 3, data: paletteColour(description, samples, pixels) };
    default:
      throw new CannotRender(`Photometric Interpretation ${photometric} is not rendered`);
  }
}

function greyscale(description: PixelDescription, samples: Float32Array, pixels: number, requested: Window | null, invert: boolean): Uint8Array {
  const slope = description.rescaleSlope;
  const intercept = description.rescaleIntercept;
  let window = requested;
  if (!window) {
    const { windowCenter: center, windowWidth: width } = description;
    if (center !== null && width !== null && width > 1) window = { center, width, fn: description.voiFunction };
  }
  if (!window) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < pixels; i++) {
      const value = (samples[i] ?? 0) * slope + intercept;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    // LINEAR_EXACT maps min..max exactly onto 0..255.
    window = { center: (min + max) / 2, width: Math.max(1e-6, max - min), fn: "LINEAR_EXACT" };
  }
  const out = new Uint8Array(pixels);
  const voi = voiFunction(window);
  for (let i = 0; i < pixels; i++) {
    const grey = voi((samples[i] ?? 0) * slope + intercept);
    out[i] = invert ? 255 - grey : grey;
  }
  return out;
}

/** The VOI LUT function (PS3.3 C.11.2.1.2) to 8 bits. */
export function voiFunction({ center: c, width: w, fn }: Window): (x: number) => number {
  switch (fn) {
    case "LINEAR": {
      const low = c - 0.5 - (w - 1) / 2;
      const high = c - 0.5 + (w - 1) / 2;
      return (x) => (x <= low ? 0 : x > high ? 255 : Math.round(((x - (c - 0.5)) / (w - 1) + 0.5) * 255));
    }
    case "LINEAR_EXACT":
      return (x) => Math.max(0, Math.min(255, Math.round(((x - c) / w + 0.5) * 255)));
    case "SIGMOID":
      return (x) => Math.round(255 / (1 + Math.exp((-4 * (x - c)) / w)));
    default: {
      const unreachable: never = fn;
      return unreachable;
    }
  }
}

function colour(description: PixelDescription, samples: Float32Array, pixels: number, photometric: string, native422: boolean): Uint8Array {
  if (description.samplesPerPixel !== 3) throw new CannotRender(`${photometric} needs 3 samples per pixel, the image has ${description.samplesPerPixel}`);
  const out = new Uint8Array(pixels * 3);
  // Samples of more than 8 bits are brought to 8 by their stored range.
  const scale = description.bitsStored > 8 ? 255 / (2 ** description.bitsStored - 1) : 1;
  if (native422) {
    // Native YBR_FULL_422 (PS3.3 C.7.6.3.1.2): Y1 Y2 Cb Cr for each pair of pixels. Not reached
    // for decoded JPEG, which the codec hands back as full RGB.
    for (let p = 0; p < pixels; p += 2) {
      const base = p * 2;
      const cb = samples[base + 2] ?? 128;
      const cr = samples[base + 3] ?? 128;
      writeYbr(out, p, samples[base] ?? 0, cb, cr);
      if (p + 1 < pixels) writeYbr(out, p + 1, samples[base + 1] ?? 0, cb, cr);
    }
    return out;
  }
  const ybr = photometric === "YBR_FULL" || photometric === "YBR_FULL_422";
  for (let p = 0; p < pixels; p++) {
    const a = (samples[p * 3] ?? 0) * scale;
    const b = (samples[p * 3 + 1] ?? 0) * scale;
    const c = (samples[p * 3 + 2] ?? 0) * scale;
    if (ybr) writeYbr(out, p, a, b, c);
    else {
      out[p * 3] = clamp(a);
      out[p * 3 + 1] = clamp(b);
      out[p * 3 + 2] = clamp(c);
    }
  }
  return out;
}

function writeYbr(out: Uint8Array, p: number, y: number, cb: number, cr: number): void {
  out[p * 3] = clamp(y + 1.402 * (cr - 128));
  out[p * 3 + 1] = clamp(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
  out[p * 3 + 2] = clamp(y + 1.772 * (cb - 128));
}

function paletteColour(description: PixelDescription, samples: Float32Array, pixels: number): Uint8Array {
  const palette = description.palette;
  if (!palette) throw new CannotRender("PALETTE COLOR without usable lookup tables");
  const luts = [palette.red, palette.green, palette.blue].map((channel) => ({ lut: paletteTo8Bit(channel), first: channel.firstMapped }));
  const out = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const value = samples[p] ?? 0;
    for (let c = 0; c < 3; c++) {
      const { lut, first } = luts[c]!;
      const index = Math.max(0, Math.min(lut.length - 1, value - first));
      out[p * 3 + c] = lut[index] ?? 0;
    }
  }
  return out;
}

function clamp(value: number): number {
  return value <= 0 ? 0 : value >= 255 ? 255 : Math.round(value);
}

// When the browser's codecs cannot show a frame, the server renders it (GET …/frames/{n}/rendered,
// decoded with the same codecs as the archive, checked against GDCM) and the viewer shows that
// PNG as the slice. These are the pure parts: which frames go straight to the server, the URL,
// and the PNG's pixels as the RGB samples Cornerstone takes for a colour image.

/** The facts of Cornerstone's image pixel module that decide the route (all optional: metadata may lack them). */
export interface PixelFacts {
  photometricInterpretation?: string;
  bitsAllocated?: number;
}

/**
 * Frames Cornerstone 5 is known not to show here, sent to the server without trying: palette
 * colour (its LUT data come inline as InlineBinary, which the loader's metadata provider does
 * not read, and the load never settles), 1-bit (unaligned frames decode to the wrong pixel
 * count), 32/64-bit samples (RLE 32-bit refused, Double Float Pixel Data not read) and
 * YBR_FULL_422 (native data shown as a uniform canvas).
 */
export function prefersServerRendering(facts: PixelFacts): boolean {
  const photometric = (facts.photometricInterpretation ?? "").trim().toUpperCase();
  if (photometric === "PALETTE COLOR" || photometric === "YBR_FULL_422") return true;
  const bits = facts.bitsAllocated;
  return bits === 1 || bits === 32 || bits === 64;
}

/** The rendered-frame URL of a WADO-RS frame image id, or null when the id is not one. */
export function renderedFrameUrl(imageId: string): string | null {
  const url = imageId.startsWith("wadors:") ? imageId.slice("wadors:".length) : imageId;
  return /\/studies\/[^/]+\/series\/[^/]+\/instances\/[^/]+\/frames\/\d+$/.test(url) ? `${url}/rendered` : null;
}

/** RGB samples from RGBA ones (a canvas' ImageData), alpha dropped. */
export function rgbFromRgba(rgba: ArrayLike<number>): Uint8Array {
  const pixels = Math.floor(rgba.length / 4);
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    rgb[p * 3] = rgba[p * 4] ?? 0;
    rgb[p * 3 + 1] = rgba[p * 4 + 1] ?? 0;
    rgb[p * 3 + 2] = rgba[p * 4 + 2] ?? 0;
  }
  return rgb;
}

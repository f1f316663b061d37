import type { Window } from "./display-image";

// Query parameters of rendered resources (PS3.18 §8.3.5.1): window, viewport, quality. Pure;
// a bad value is refused with the reason (400), never ignored into a surprising image.

export interface Viewport {
  width: number;
  height: number;
  /** Source region; negative width/height flip the image. Absent: the whole image. */
  region: { x: number; y: number; width: number; height: number } | null;
}

export interface RenderedParams {
  window: Window | null;
  viewport: Viewport | null;
  /** JPEG quality 1..100 (ignored for PNG). */
  quality: number;
}

export type ParsedParams = { ok: true; params: RenderedParams } | { ok: false; message: string };

export const MAX_VIEWPORT = 4096;
const DEFAULT_QUALITY = 90;
const FUNCTIONS = { linear: "LINEAR", "linear-exact": "LINEAR_EXACT", sigmoid: "SIGMOID" } as const;

export function parseRenderedParams(query: URLSearchParams): ParsedParams {
  let window: Window | null = null;
  let viewport: Viewport | null = null;
  let quality = DEFAULT_QUALITY;
  const windowText = query.get("window");
  if (windowText !== null) {
    const [c, w, f = "linear", ...extra] = windowText.split(",").map((s) => s.trim());
    const center = Number(c);
    const width = Number(w);
    const fn = FUNCTIONS[f.toLowerCase() as keyof typeof FUNCTIONS];
    if (extra.length > 0 || c === "" || w === "" || !Number.isFinite(center) || !Number.isFinite(width)) return bad("window must be center,width[,function] with numbers");
    if (!fn) return bad("window function must be linear, linear-exact or sigmoid");
    if (fn === "LINEAR" ? width < 1 : width <= 0) return bad(`window width must be ${fn === "LINEAR" ? "at least 1" : "above 0"}`);
    window = { center, width, fn };
  }
  const viewportText = query.get("viewport");
  if (viewportText !== null) {
    const values = viewportText.split(",").map((s) => (s.trim() === "" ? NaN : Number(s)));
    if ((values.length !== 2 && values.length !== 6) || !values.every(Number.isInteger)) return bad("viewport must be vw,vh or vw,vh,sx,sy,sw,sh in whole pixels");
    const [vw = 0, vh = 0, sx = 0, sy = 0, sw = 0, sh = 0] = values;
    if (vw < 1 || vh < 1 || vw > MAX_VIEWPORT || vh > MAX_VIEWPORT) return bad(`viewport width and height must be 1..${MAX_VIEWPORT}`);
    if (values.length === 6 && (sx < 0 || sy < 0 || sw === 0 || sh === 0)) return bad("viewport source region must start at 0 or more and have a non-zero size");
    viewport = { width: vw, height: vh, region: values.length === 6 ? { x: sx, y: sy, width: sw, height: sh } : null };
  }
  const qualityText = query.get("quality");
  if (qualityText !== null) {
    quality = Number(qualityText);
    if (!/^\d{1,3}$/.test(qualityText.trim()) || quality < 1 || quality > 100) return bad("quality must be a whole number from 1 to 100");
  }
  return { ok: true, params: { window, viewport, quality } };
}

function bad(message: string): ParsedParams {
  return { ok: false, message };
}

import { Enums, imageLoader, metaData, utilities, type Types } from "@cornerstonejs/core";
import { wadors } from "@cornerstonejs/dicom-image-loader";
import { withDeadline } from "./load-deadline";
import { prefersServerRendering, renderedFrameUrl, rgbFromRgba, type PixelFacts } from "./server-rendering";
import { decodedImageProblem, describeLoadError } from "./viewport-display";

// The WADO-RS image loader, wrapped so that every image load ends: shown, or a visible failure.
// - Frames Cornerstone cannot show (server-rendering.ts) are rendered by the server at once.
// - Any other frame is decoded in the browser; if that fails (a codec error, the wrong pixel
//   count) or does not settle in BROWSER_DECODE_MS, the server renders it instead.
// - HTTP refusals and truncated codestreams stay failures: the server would refuse them too.
// - The server rendering itself is bounded by SERVER_RENDER_MS, past which the load fails
//   with "délai dépassé" and the viewport offers Retry.
// The server's PNG becomes a colour Cornerstone image under the frame's own image id, so the
// viewport only ever shows that slice; it is marked serverRendered for the overlay.

const BROWSER_DECODE_MS = 8_000;
const SERVER_RENDER_MS = 12_000;

export interface ServerRenderedImage extends Types.IImage {
  serverRendered: true;
}

export function isServerRendered(image: unknown): boolean {
  return typeof image === "object" && image !== null && (image as { serverRendered?: unknown }).serverRendered === true;
}

/** Failures the server cannot mend: an HTTP refusal or a codestream cut short. */
function isFinal(error: unknown): boolean {
  const kind = describeLoadError(error).kind;
  return kind === "http" || kind === "truncated";
}

function pixelCountProblem(image: Types.IImage): string | null {
  let values = 0;
  try {
    values = image.voxelManager?.getScalarData()?.length ?? image.getPixelData()?.length ?? 0;
  } catch {
    values = 0;
  }
  return decodedImageProblem({ rows: image.rows, columns: image.columns, values, min: image.minPixelValue, max: image.maxPixelValue });
}

async function pngPixels(url: string): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const response = await fetch(url, { headers: { Accept: "image/png" }, credentials: "same-origin" });
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  // Exact sample values: no colour management, no premultiplied alpha.
  const bitmap = await createImageBitmap(await response.blob(), { colorSpaceConversion: "none", premultiplyAlpha: "none" });
  const canvas = document.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas");
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { width: canvas.width, height: canvas.height, rgba: context.getImageData(0, 0, canvas.width, canvas.height).data };
}

async function loadServerRendering(imageId: string): Promise<ServerRenderedImage> {
  const url = renderedFrameUrl(imageId);
  if (!url) throw new Error("no server rendering for this image");
  const { width, height, rgba } = await pngPixels(url);
  const rgb = rgbFromRgba(rgba);
  const plane = (metaData.get(Enums.MetadataModules.IMAGE_PLANE, imageId) ?? {}) as { rowPixelSpacing?: number; columnPixelSpacing?: number };
  const canvas = document.createElement("canvas");
  return {
    imageId,
    serverRendered: true,
    color: true,
    rgba: false,
    numberOfComponents: 3,
    dataType: "Uint8Array",
    rows: height,
    columns: width,
    height,
    width,
    rowPixelSpacing: plane.rowPixelSpacing,
    columnPixelSpacing: plane.columnPixelSpacing,
    slope: 1,
    intercept: 0,
    invert: false,
    minPixelValue: 0,
    maxPixelValue: 255,
    // The server applied the window: the viewer's is the identity on 8-bit samples.
    windowCenter: 128,
    windowWidth: 256,
    sizeInBytes: rgb.byteLength,
    getPixelData: () => rgb,
    voxelManager: utilities.VoxelManager.createImageVoxelManager({ scalarData: rgb, width, height, numberOfComponents: 3 }),
    getCanvas: () => {
      canvas.width = width;
      canvas.height = height;
      canvas.getContext("2d")?.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
      return canvas;
    },
  } as unknown as ServerRenderedImage;
}

function serverRendering(imageId: string): Promise<Types.IImage> {
  return withDeadline(loadServerRendering(imageId), SERVER_RENDER_MS);
}

async function browserThenServer(load: Types.IImageLoadObject, imageId: string): Promise<Types.IImage> {
  let image: Types.IImage;
  try {
    image = await withDeadline(load.promise, BROWSER_DECODE_MS);
  } catch (error) {
    if (isFinal(error)) throw error;
    console.warn("[viewer] browser decoding failed, server rendering", imageId, error);
    load.cancelFn?.();
    return serverRendering(imageId);
  }
  const problem = pixelCountProblem(image);
  if (!problem) return image;
  console.warn("[viewer] browser decoding gave no image, server rendering", imageId, problem);
  return serverRendering(imageId);
}

/** Registers the wrapped loader for the wadors: scheme (after the DICOM image loader's init). */
export function registerFallbackImageLoader(): void {
  const loadWithCodecs = wadors.loadImage;
  imageLoader.registerImageLoader("wadors", (imageId: string, options?: Record<string, unknown>) => {
    const facts = (metaData.get(Enums.MetadataModules.IMAGE_PIXEL, imageId) ?? {}) as PixelFacts;
    if (prefersServerRendering(facts) && renderedFrameUrl(imageId)) return { promise: serverRendering(imageId) };
    const load = loadWithCodecs(imageId, options) as Types.IImageLoadObject;
    return { promise: browserThenServer(load, imageId), cancelFn: load.cancelFn, decache: load.decache };
  });
}

import { decodeFrame } from "./decode-frame";
import { toDisplay } from "./display-image";
import { fitViewport } from "./fit-viewport";
import { encodeJpeg } from "./jpeg-encode";
import { encodePng } from "./png-encode";
import { readSamples } from "./read-samples";
import type { RenderRequest } from "./render-messages";

// A frame to a PNG or JPEG (in a decode worker): decode, stored values to display values,
// viewport, encode. One frame at a time: nothing decoded is kept once the image is sent.

export async function renderFrame(request: RenderRequest, frame: Uint8Array): Promise<Buffer> {
  const decoded = await decodeFrame(request.description, request.syntaxUid, frame);
  const description = { ...request.description, bitsAllocated: decoded.bitsAllocated };
  // A native YBR_FULL_422 frame holds two values per pixel: read as two samples, expanded by toDisplay.
  const readAs = decoded.native422 ? { ...description, samplesPerPixel: 2 } : description;
  const samples = readSamples(readAs, decoded.bytes, decoded.planarConfiguration);
  let image = toDisplay(description, samples, decoded.photometric, request.window, decoded.native422);
  if (request.viewport) image = fitViewport(image, request.viewport);
  return request.format === "image/png" ? encodePng(image.data, image.width, image.height, image.channels) : encodeJpeg(image, request.quality);
}

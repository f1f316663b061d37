import "server-only";
import type { ServerResponse } from "node:http";
import { integerValue, textValue } from "@/lib/dicom/dicom-json";
import { paletteDataTags, describePixels, type BinaryValues } from "../rendering/pixel-description";
import { parseRenderedParams, type RenderedParams } from "../rendering/rendered-params";
import type { RenderFormat } from "../rendering/render-messages";
import { RenderFailure, renderPool } from "../rendering/render-pool";
import { findRetrievableInstances, type RetrievableInstance } from "../queries/find-retrievable-instances";
import { negotiateRendered, parseAccept } from "./accept-negotiation";
import { findInstanceExtras, type InstanceExtras } from "./instance-extras";
import { sendError } from "./http-replies";
import { closingDelimiter, newBoundary, partHeader } from "./multipart-related";
import { drained, foundOrRefuse, NOT_FOUND, PIXELS_CACHE_CONTROL, type WadoContext } from "./wado-common";

// Rendered resources and thumbnails (PS3.18 §9.5, §10.4.1.1.3) at study, series, instance and
// frame level: JPEG (default) or PNG, with window, viewport and quality; an encapsulated PDF
// asked as application/pdf comes as the document itself. Decoding runs in the decode workers
// (rendering/render-pool.ts), never on this thread. A thumbnail is the representative image
// (the middle instance of the first image series, its middle frame) fitted in 128 pixels.

export interface RenderedTarget {
  studyUid: string;
  seriesUid: string | null;
  sopUid: string | null;
  frame: number | null;
  thumbnail: boolean;
}

const THUMBNAIL_SIZE = 128;
const MAX_RENDERED_PARTS = 1000;
const PDF_TAG = "00420011";

export async function handleRendered(res: ServerResponse, context: WadoContext, target: RenderedTarget, query: URLSearchParams): Promise<void> {
  const parsed = parseRenderedParams(query);
  if (!parsed.ok) return sendError(res, 400, parsed.message);
  const params = parsed.params;
  const { studyUid, seriesUid, sopUid } = target;
  const resource = target.thumbnail ? "thumbnail" : "rendered";
  const instances = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, studyUid, seriesUid, sopUid, withMetadata: true, resource }));
  if (!instances) return;
  const extras = await findInstanceExtras(context.deps.db, instances);
  const images = instances.filter((instance) => holds(instance, extras.get(instance.sopInstanceUid)) === "image");

  const multipart = !target.thumbnail && sopUid === null && wantsMultipart(context.accept);
  if (multipart) return sendAllRendered(res, context, images, params, multipart);

  const instance = sopUid ? instances[0] : representative(images);
  if (!instance) return sendError(res, 406, "nothing here holds an image to render");
  const kind = holds(instance, extras.get(instance.sopInstanceUid));
  const negotiated = negotiateRendered(context.accept, target.thumbnail && kind === "pdf" ? "other" : kind);
  if (!negotiated.ok) return sendError(res, 406, negotiated.reason);
  if (negotiated.mediaType === "application/pdf") return sendDocument(res, context, instance, extras.get(instance.sopInstanceUid));

  const frameCount = instance.frames.length;
  if (target.frame !== null && target.frame > frameCount) return sendError(res, 404, `frame ${target.frame} does not exist: the instance has ${frameCount}`);
  const frameIndex = target.frame !== null ? target.frame - 1 : target.thumbnail ? Math.floor(frameCount / 2) : 0;
  const viewport = params.viewport ?? (target.thumbnail ? thumbnailViewport(instance) : null);
  const rendered = await renderOne(res, context, instance, extras.get(instance.sopInstanceUid), frameIndex, { ...params, viewport }, negotiated.mediaType);
  if (!rendered) return;
  res.writeHead(200, { "Content-Type": negotiated.mediaType, "Content-Length": rendered.length, "Cache-Control": PIXELS_CACHE_CONTROL });
  res.end(rendered);
}

/** Fits in a 128-pixel square, never enlarged (a 15×10 dose grid stays 15×10). */
function thumbnailViewport(instance: RetrievableInstance) {
  const metadata = instance.metadata ?? {};
  const columns = integerValue(metadata, "00280011") ?? THUMBNAIL_SIZE;
  const rows = integerValue(metadata, "00280010") ?? THUMBNAIL_SIZE;
  return { width: Math.max(1, Math.min(THUMBNAIL_SIZE, columns)), height: Math.max(1, Math.min(THUMBNAIL_SIZE, rows)), region: null };
}

type Holds = "image" | "pdf" | "other";

function holds(instance: RetrievableInstance, extras: InstanceExtras | undefined): Holds {
  const metadata = instance.metadata ?? {};
  const document = extras?.content === "ENCAPSULATED_DOCUMENT" || metadata[PDF_TAG] !== undefined;
  if (document) return (textValue(metadata, "00420012") ?? "").toLowerCase() === "application/pdf" ? "pdf" : "other";
  if (extras && extras.content !== "IMAGE") return "other";
  return instance.frames.length > 0 ? "image" : "other";
}

/** The middle image of the first series that has images: the middle of a head CT, not its vertex. */
function representative(images: RetrievableInstance[]): RetrievableInstance | undefined {
  const firstSeries = images[0]?.seriesInstanceUid;
  const series = images.filter((instance) => instance.seriesInstanceUid === firstSeries);
  return series[Math.floor(series.length / 2)];
}

function wantsMultipart(accept: string | undefined): RenderFormat | null {
  const range = parseAccept(accept)[0];
  if (!range?.multipart) return null;
  return range.type === "image/png" ? "image/png" : "image/jpeg";
}

async function renderOne(
  res: ServerResponse,
  context: WadoContext,
  instance: RetrievableInstance,
  extras: InstanceExtras | undefined,
  frameIndex: number,
  params: RenderedParams,
  format: RenderFormat,
): Promise<Buffer | null> {
  const metadata = instance.metadata ?? {};
  const region = params.viewport?.region;
  const columns = integerValue(metadata, "00280011") ?? 0;
  const rows = integerValue(metadata, "00280010") ?? 0;
  if (region && (region.x >= columns || region.y >= rows)) {
    sendError(res, 400, `the viewport's source region starts outside the ${columns}x${rows} image`);
    return null;
  }
  // Large palettes are kept out of the metadata (bulk data): read them from the stored file.
  const binary: BinaryValues = {};
  for (const tag of paletteDataTags(metadata)) {
    const range = extras?.bulkData[tag];
    if (range) binary[tag] = Buffer.concat(await context.deps.archive.readRanges(instance.storageKey, [range]));
  }
  const frame = Buffer.concat(await context.deps.archive.readRanges(instance.storageKey, instance.frames[frameIndex] ?? []));
  try {
    return await renderPool().run(
      { kind: "render", description: describePixels(metadata, binary), syntaxUid: instance.transferSyntaxUid, window: params.window, viewport: params.viewport, format, quality: params.quality },
      frame,
    );
  } catch (error) {
    if (!(error instanceof RenderFailure)) throw error;
    if (error.unrenderable) sendError(res, 422, `the image could not be rendered: ${error.message}`);
    else sendError(res, 503, error.message, { "Retry-After": "5" });
    return null;
  }
}

/** Every frame of every image, rendered one after another into one multipart answer (memory stays one frame deep). */
async function sendAllRendered(res: ServerResponse, context: WadoContext, images: RetrievableInstance[], params: RenderedParams, format: RenderFormat): Promise<void> {
  const total = images.reduce((sum, instance) => sum + instance.frames.length, 0);
  if (total === 0) return sendError(res, 406, "nothing here holds an image to render");
  if (total > MAX_RENDERED_PARTS) return sendError(res, 400, `${total} frames to render: ask per series or instance (at most ${MAX_RENDERED_PARTS} per request)`);
  const extras = await findInstanceExtras(context.deps.db, images);
  const boundary = newBoundary();
  let started = false;
  for (const instance of images) {
    for (let index = 0; index < instance.frames.length; index++) {
      const image = await renderOne(res, context, instance, extras.get(instance.sopInstanceUid), index, params, format);
      // An error before the first part is a plain answer; after it, the connection is cut (sendError destroys it).
      if (!image) return;
      if (!started) {
        res.writeHead(200, { "Content-Type": `multipart/related; type="${format}"; boundary=${boundary}`, "Cache-Control": PIXELS_CACHE_CONTROL });
        started = true;
      }
      const location = `/studies/${instance.studyInstanceUid}/series/${instance.seriesInstanceUid}/instances/${instance.sopInstanceUid}/frames/${index + 1}/rendered`;
      if (!res.write(partHeader(boundary, format, { "Content-Length": String(image.length), "Content-Location": `${context.baseUrl}${location}` }))) await drained(res);
      if (!res.write(image)) await drained(res);
      res.write(Buffer.from("\r\n"));
    }
  }
  res.end(closingDelimiter(boundary));
}

async function sendDocument(res: ServerResponse, context: WadoContext, instance: RetrievableInstance, extras: InstanceExtras | undefined): Promise<void> {
  const metadata = instance.metadata ?? {};
  const range = extras?.bulkData[PDF_TAG];
  const inline = metadata[PDF_TAG]?.InlineBinary;
  const bytes = range ? Buffer.concat(await context.deps.archive.readRanges(instance.storageKey, [range])) : inline ? Buffer.from(inline, "base64") : null;
  if (!bytes) return sendError(res, 404, NOT_FOUND);
  // An encapsulated document may be padded to even length with a NUL after %%EOF: readers ignore it.
  res.writeHead(200, { "Content-Type": textValue(metadata, "00420012") ?? "application/pdf", "Content-Length": bytes.length, "Cache-Control": PIXELS_CACHE_CONTROL });
  res.end(bytes);
}

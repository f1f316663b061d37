import "server-only";
import type { ServerResponse } from "node:http";
import type { Actor } from "@/lib/domain/access";
import { PIXEL_DATA_TAG } from "@/lib/dicom/dicom-json";
import { CannotRender, renderThumbnail } from "@/lib/server/imaging/rendering/render-thumbnail";
import { EXPLICIT_VR_LITTLE_ENDIAN, transferSyntax } from "@/lib/dicom/transfer-syntaxes";
import { findRetrievableInstances, type RetrievableInstance, type Retrieval } from "../queries/find-retrievable-instances";
import type { ImageDeps } from "../runtime/image-deps";
import { sendError, sendJson } from "./http-replies";
import { closingDelimiter, newBoundary, parseContentType, partHeader, splitOutsideQuotes } from "./multipart-related";

// WADO-RS (PS3.18 10.4): metadata as DICOM JSON with BulkDataURIs, whole instances as
// multipart/related application/dicom, frames in their stored transfer syntax, thumbnails.
// Pixels are never kept in the browser's disk cache: reading workstations are shared.
// Bytes are read from the archive by the ranges recorded at ingest: nothing is parsed here.

interface WadoContext {
  deps: ImageDeps;
  actor: Actor;
  baseUrl: string;
  accept: string | undefined;
}

const NOT_FOUND = "no such study, series or instance (or not yours to see)";

/** The instances found, or null once a 403 (a study the actor sees but may not view) or a 404 is sent. */
function foundOrRefuse(res: ServerResponse, retrieval: Retrieval): RetrievableInstance[] | null {
  if (retrieval.kind === "found" && retrieval.instances.length > 0) return retrieval.instances;
  if (retrieval.kind === "forbidden") sendError(res, 403, retrieval.message);
  else sendError(res, 404, NOT_FOUND);
  return null;
}

export async function handleMetadata(res: ServerResponse, context: WadoContext, uids: { studyUid: string; seriesUid: string | null; sopUid: string | null }): Promise<void> {
  const instances = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...uids, withMetadata: true, resource: "metadata" }));
  if (!instances) return;
  sendJson(
    res,
    200,
    instances.map((instance) => {
      const metadata = { ...instance.metadata };
      if (metadata[PIXEL_DATA_TAG]) {
        const frames = Array.from({ length: instance.frames.length }, (_, i) => i + 1).join(",");
        metadata[PIXEL_DATA_TAG] = { vr: metadata[PIXEL_DATA_TAG].vr, BulkDataURI: `${instanceUrl(context.baseUrl, instance)}/frames/${frames}` };
      }
      return metadata;
    }),
  );
}

export async function handleRetrieve(res: ServerResponse, context: WadoContext, uids: { studyUid: string; seriesUid: string | null; sopUid: string | null }): Promise<void> {
  if (!acceptsMultipart(context.accept, "application/dicom")) {
    return sendError(res, 406, 'whole instances are served as multipart/related; type="application/dicom"');
  }
  const instances = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...uids, withMetadata: false, resource: "instances" }));
  if (!instances) return;
  const boundary = newBoundary();
  res.writeHead(200, { "Content-Type": `multipart/related; type="application/dicom"; boundary=${boundary}`, "Cache-Control": "no-store" });
  for (const instance of instances) {
    const bytes = await context.deps.archive.get(instance.storageKey);
    if (!res.write(partHeader(boundary, "application/dicom", { "Content-Length": String(bytes.length) }))) await drained(res);
    if (!res.write(bytes)) await drained(res);
    res.write(Buffer.from("\r\n"));
  }
  res.end(closingDelimiter(boundary));
}

const PIXELS_CACHE_CONTROL = "private, no-store";

export async function handleFrames(
  res: ServerResponse,
  context: WadoContext,
  uids: { studyUid: string; seriesUid: string; sopUid: string },
  frameNumbers: number[],
): Promise<void> {
  const [instance] = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...uids, withMetadata: false, resource: "frames" })) ?? [];
  if (!instance) return;
  const missing = frameNumbers.find((n) => n > instance.frames.length);
  if (missing !== undefined) return sendError(res, 404, `frame ${missing} does not exist: the instance has ${instance.frames.length}`);
  const served = negotiateFrames(context.accept, instance.transferSyntaxUid, frameNumbers.length);
  if (!served) {
    return sendError(res, 406, `frames are stored as ${instance.transferSyntaxUid}; ask for it with transfer-syntax=* or that UID (one frame may come as application/octet-stream, several need multipart/related)`);
  }
  const partType = `application/octet-stream; transfer-syntax=${served.syntax}`;
  if (served.singlePart) {
    // One frame, asked as application/octet-stream: the bytes alone, which a browser client
    // takes as they are (no multipart to scan and copy frame by frame).
    const fragments = await context.deps.archive.readRanges(instance.storageKey, instance.frames[frameNumbers[0]! - 1] ?? []);
    const length = fragments.reduce((sum, f) => sum + f.length, 0);
    res.writeHead(200, { "Content-Type": partType, "Content-Length": length, "Cache-Control": PIXELS_CACHE_CONTROL });
    for (const fragment of fragments) if (!res.write(fragment)) await drained(res);
    res.end();
    return;
  }
  const boundary = newBoundary();
  res.writeHead(200, { "Content-Type": `multipart/related; type="application/octet-stream"; boundary=${boundary}`, "Cache-Control": PIXELS_CACHE_CONTROL });
  for (const number of frameNumbers) {
    const ranges = instance.frames[number - 1] ?? [];
    const fragments = await context.deps.archive.readRanges(instance.storageKey, ranges);
    const length = fragments.reduce((sum, f) => sum + f.length, 0);
    res.write(partHeader(boundary, partType, { "Content-Length": String(length) }));
    for (const fragment of fragments) if (!res.write(fragment)) await drained(res);
    res.write(Buffer.from("\r\n"));
  }
  res.end(closingDelimiter(boundary));
}

export async function handleThumbnail(res: ServerResponse, context: WadoContext, uids: { studyUid: string; seriesUid: string; sopUid: string | null }): Promise<void> {
  const instances = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...uids, withMetadata: true, resource: "thumbnail" }));
  if (!instances) return;
  const withPixels = instances.filter((i) => i.frames.length > 0);
  // The middle image of a series shows it best (the middle of a head CT, not its vertex).
  const instance = withPixels[Math.floor(withPixels.length / 2)];
  if (!instance?.metadata) return sendError(res, 404, NOT_FOUND);
  const frame = Buffer.concat(await context.deps.archive.readRanges(instance.storageKey, instance.frames[Math.floor(instance.frames.length / 2)] ?? []));
  try {
    const png = renderThumbnail(instance.metadata, instance.transferSyntaxUid, frame);
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length, "Cache-Control": PIXELS_CACHE_CONTROL });
    res.end(png);
  } catch (error) {
    if (error instanceof CannotRender) return sendError(res, 406, error.message);
    return sendError(res, 422, `the image could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function instanceUrl(baseUrl: string, instance: RetrievableInstance): string {
  return `${baseUrl}/studies/${instance.studyInstanceUid}/series/${instance.seriesInstanceUid}/instances/${instance.sopInstanceUid}`;
}

/** Accept lists media ranges; a multipart/related one must name the part type (or none), or the client accepts anything. */
function acceptsMultipart(accept: string | undefined, partType: string): boolean {
  if (!accept) return true;
  return splitOutsideQuotes(accept, ",").some((range) => {
    const parsed = parseContentType(range.trim());
    if (!parsed) return range.trim().startsWith("*/*");
    if (parsed.mediaType === "*/*") return true;
    if (parsed.mediaType !== "multipart/related") return false;
    const type = parsed.params.type?.toLowerCase();
    return !type || type === partType;
  });
}

/**
 * How frames are served: in the stored transfer syntax when the client accepts it
 * (transfer-syntax=* or that UID), as multipart/related, or as a single application/octet-stream
 * part when exactly one frame is asked that way; null means 406. Without a transfer-syntax
 * parameter the client asks for Explicit VR Little Endian, which native little-endian pixels
 * already are.
 */
function negotiateFrames(accept: string | undefined, stored: string, frameCount: number): { syntax: string; singlePart: boolean } | null {
  const native = transferSyntax(stored)?.encapsulated === false;
  if (!accept) return { syntax: stored, singlePart: false };
  for (const range of splitOutsideQuotes(accept, ",")) {
    const parsed = parseContentType(range.trim());
    if (!parsed) continue;
    if (parsed.mediaType === "*/*") return { syntax: stored, singlePart: false };
    const singlePart = parsed.mediaType === "application/octet-stream";
    if (singlePart && frameCount !== 1) continue;
    if (!singlePart) {
      if (parsed.mediaType !== "multipart/related") continue;
      const type = parsed.params.type?.toLowerCase();
      if (type && type !== "application/octet-stream" && !type.startsWith("image/")) continue;
    }
    const wanted = parsed.params["transfer-syntax"];
    if (wanted === "*" || wanted === stored) return { syntax: stored, singlePart };
    if ((wanted === undefined || wanted === EXPLICIT_VR_LITTLE_ENDIAN) && native) return { syntax: EXPLICIT_VR_LITTLE_ENDIAN, singlePart };
  }
  return null;
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

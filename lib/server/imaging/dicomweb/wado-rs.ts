import "server-only";
import type { ServerResponse } from "node:http";
import { PIXEL_DATA_TAG } from "@/lib/dicom/dicom-json";
import { transferSyntax } from "@/lib/dicom/transfer-syntaxes";
import { isDecodable } from "../rendering/decodable-syntaxes";
import { describePixels } from "../rendering/pixel-description";
import { RenderFailure, renderPool } from "../rendering/render-pool";
import { findRetrievableInstances, type RetrievableInstance } from "../queries/find-retrievable-instances";
import { negotiateFrames, negotiateInstance, type FrameAnswer } from "./accept-negotiation";
import { findInstanceExtras } from "./instance-extras";
import { sendError, sendJson } from "./http-replies";
import { closingDelimiter, newBoundary, partHeader } from "./multipart-related";
import { drained, foundOrRefuse, instanceUrl, PIXELS_CACHE_CONTROL, type WadoContext } from "./wado-common";

// WADO-RS (PS3.18 10.4): metadata as DICOM JSON with BulkDataURIs, whole instances and frames
// as stored or decoded to Explicit VR Little Endian when asked (accept-negotiation.ts).
// Stored bytes are read from the archive by the ranges recorded at ingest: nothing is parsed
// here; decoding and transcoding run in the decode workers (rendering/render-pool.ts).

export type { WadoContext } from "./wado-common";

export async function handleMetadata(res: ServerResponse, context: WadoContext, uids: { studyUid: string; seriesUid: string | null; sopUid: string | null }): Promise<void> {
  const instances = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...uids, withMetadata: true, resource: "metadata" }));
  if (!instances) return;
  const extras = await findInstanceExtras(context.deps.db, instances);
  sendJson(
    res,
    200,
    instances.map((instance) => {
      const metadata = { ...instance.metadata };
      const url = instanceUrl(context.baseUrl, instance);
      if (metadata[PIXEL_DATA_TAG]) {
        const frames = Array.from({ length: instance.frames.length }, (_, i) => i + 1).join(",");
        // Encapsulated pixel data (RLE, JPEG...) is OB whatever the file said (PS3.5 A.4).
        const vr = transferSyntax(instance.transferSyntaxUid)?.encapsulated ? "OB" : metadata[PIXEL_DATA_TAG].vr;
        metadata[PIXEL_DATA_TAG] = { vr, BulkDataURI: `${url}/frames/${frames}` };
      }
      // Values kept out of the metadata at ingest (an encapsulated PDF...) are fetched by URI.
      for (const tag of Object.keys(extras.get(instance.sopInstanceUid)?.bulkData ?? {})) {
        if (tag === PIXEL_DATA_TAG) continue;
        metadata[tag] = { vr: metadata[tag]?.vr ?? "OB", BulkDataURI: `${url}/bulkdata/${tag}` };
      }
      return metadata;
    }),
  );
}

export async function handleRetrieve(res: ServerResponse, context: WadoContext, uids: { studyUid: string; seriesUid: string | null; sopUid: string | null }): Promise<void> {
  const instances = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...uids, withMetadata: false, resource: "instances" }));
  if (!instances) return;
  // Every instance must be servable before the first byte goes out.
  const answers = [];
  for (const instance of instances) {
    const answer = negotiateInstance(context.accept, instance.transferSyntaxUid, isDecodable(instance.transferSyntaxUid));
    if (!answer.ok) return sendError(res, 406, answer.reason);
    answers.push({ instance, answer });
  }
  const single = answers.length === 1 && answers[0]!.answer.singlePart;
  if (!single && answers.some(({ answer }) => answer.singlePart)) return sendError(res, 406, 'several instances need multipart/related; type="application/dicom"');
  const boundary = newBoundary();
  let started = false;
  for (const { instance, answer } of answers) {
    const bytes = answer.transcode ? await decodeInWorker(res, { kind: "transcode", syntaxUid: instance.transferSyntaxUid }, await context.deps.archive.get(instance.storageKey)) : await context.deps.archive.get(instance.storageKey);
    if (!bytes) return;
    if (single) {
      res.writeHead(200, { "Content-Type": "application/dicom", "Content-Length": bytes.length, "Cache-Control": PIXELS_CACHE_CONTROL });
      res.end(bytes);
      return;
    }
    if (!started) {
      res.writeHead(200, { "Content-Type": `multipart/related; type="application/dicom"; boundary=${boundary}`, "Cache-Control": PIXELS_CACHE_CONTROL });
      started = true;
    }
    const partType = answer.transcode ? `application/dicom; transfer-syntax=${answer.syntax}` : "application/dicom";
    if (!res.write(partHeader(boundary, partType, { "Content-Length": String(bytes.length) }))) await drained(res);
    if (!res.write(bytes)) await drained(res);
    res.write(Buffer.from("\r\n"));
  }
  res.end(closingDelimiter(boundary));
}

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
  const served = negotiateFrames(context.accept, instance.transferSyntaxUid, frameNumbers.length, isDecodable(instance.transferSyntaxUid));
  if (!served.ok) return sendError(res, 406, served.reason);
  const read = await frameReader(res, context, instance, served, uids);
  if (!read) return;
  const partType = `${served.mediaType}; transfer-syntax=${served.syntax}`;
  if (served.singlePart) {
    // One frame asked as a single part: the bytes alone, which a browser client takes as they
    // are (no multipart to scan and copy frame by frame).
    const fragments = await read(frameNumbers[0]!);
    if (!fragments) return;
    const length = fragments.reduce((sum, f) => sum + f.length, 0);
    res.writeHead(200, { "Content-Type": partType, "Content-Length": length, "Cache-Control": PIXELS_CACHE_CONTROL });
    for (const fragment of fragments) if (!res.write(fragment)) await drained(res);
    res.end();
    return;
  }
  const boundary = newBoundary();
  let started = false;
  for (const number of frameNumbers) {
    const fragments = await read(number);
    if (!fragments) return;
    if (!started) {
      res.writeHead(200, { "Content-Type": `multipart/related; type="${served.mediaType}"; boundary=${boundary}`, "Cache-Control": PIXELS_CACHE_CONTROL });
      started = true;
    }
    const length = fragments.reduce((sum, f) => sum + f.length, 0);
    res.write(partHeader(boundary, partType, { "Content-Length": String(length) }));
    for (const fragment of fragments) if (!res.write(fragment)) await drained(res);
    res.write(Buffer.from("\r\n"));
  }
  res.end(closingDelimiter(boundary));
}

type FrameRead = (frameNumber: number) => Promise<Buffer[] | null>;

/** Reads a frame as stored (its fragments), or decoded in a worker; null once an error is sent. */
async function frameReader(res: ServerResponse, context: WadoContext, instance: RetrievableInstance, served: FrameAnswer, uids: { studyUid: string; seriesUid: string; sopUid: string }): Promise<FrameRead | null> {
  const stored = (n: number): Promise<Buffer[]> => context.deps.archive.readRanges(instance.storageKey, instance.frames[n - 1] ?? []);
  if (!served.transcode) return stored;
  // Decoding needs the pixel description: the metadata, which the cached frame lookup leaves out.
  const [described] = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...uids, withMetadata: true, resource: "frames" })) ?? [];
  if (!described?.metadata) return null;
  const description = describePixels(described.metadata);
  return async (n) => {
    const decoded = await decodeInWorker(res, { kind: "decode", description, syntaxUid: instance.transferSyntaxUid }, Buffer.concat(await stored(n)));
    return decoded ? [decoded] : null;
  };
}

async function decodeInWorker(res: ServerResponse, request: Parameters<ReturnType<typeof renderPool>["run"]>[0], input: Uint8Array): Promise<Buffer | null> {
  try {
    return await renderPool().run(request, input);
  } catch (error) {
    if (!(error instanceof RenderFailure)) throw error;
    // A frame that cannot be decoded is not sent under another label: refused, or cut if already started.
    if (error.unrenderable) sendError(res, 406, `cannot transcode to Explicit VR Little Endian: ${error.message}`);
    else sendError(res, 503, error.message, { "Retry-After": "5" });
    return null;
  }
}

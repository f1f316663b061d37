import "server-only";
import type { ServerResponse } from "node:http";
import { PIXEL_DATA_TAG } from "@/lib/dicom/dicom-json";
import { findRetrievableInstances } from "../queries/find-retrievable-instances";
import { parseAccept } from "./accept-negotiation";
import { findInstanceExtras } from "./instance-extras";
import { sendError } from "./http-replies";
import { closingDelimiter, newBoundary, partHeader } from "./multipart-related";
import { foundOrRefuse, PIXELS_CACHE_CONTROL, type WadoContext } from "./wado-common";

// Bulk data (PS3.18 §10.4.1.1.5): the large binary values kept out of the metadata at ingest
// (an encapsulated PDF, waveform samples...), read from the stored file by the byte range
// recorded then. The metadata's BulkDataURI points here. Pixel data has its own resource (frames).

export async function handleBulkdata(res: ServerResponse, context: WadoContext, target: { studyUid: string; seriesUid: string; sopUid: string; tag: string }): Promise<void> {
  if (target.tag === PIXEL_DATA_TAG) return sendError(res, 404, "pixel data is served by frame: /frames/{list}");
  const multipart = chooseMultipart(context.accept);
  if (multipart === null) return sendError(res, 406, 'bulk data is application/octet-stream, alone or as multipart/related; type="application/octet-stream"');
  const [instance] = foundOrRefuse(res, await findRetrievableInstances({ db: context.deps.db, actor: context.actor, ...target, withMetadata: false, resource: "bulkdata" })) ?? [];
  if (!instance) return;
  const range = (await findInstanceExtras(context.deps.db, [instance])).get(instance.sopInstanceUid)?.bulkData[target.tag];
  if (!range) return sendError(res, 404, `the instance has no bulk data for tag ${target.tag}`);
  const bytes = Buffer.concat(await context.deps.archive.readRanges(instance.storageKey, [range]));
  if (!multipart) {
    res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": bytes.length, "Cache-Control": PIXELS_CACHE_CONTROL });
    res.end(bytes);
    return;
  }
  const boundary = newBoundary();
  res.writeHead(200, { "Content-Type": `multipart/related; type="application/octet-stream"; boundary=${boundary}`, "Cache-Control": PIXELS_CACHE_CONTROL });
  res.write(partHeader(boundary, "application/octet-stream", { "Content-Length": String(bytes.length) }));
  res.write(bytes);
  res.write(Buffer.from("\r\n"));
  res.end(closingDelimiter(boundary));
}

/** true: multipart/related; false: the bytes alone; null: nothing acceptable (406). */
function chooseMultipart(accept: string | undefined): boolean | null {
  for (const range of parseAccept(accept)) {
    if (range.type !== "application/octet-stream" && range.type !== "*/*") continue;
    if (range.transferSyntax !== undefined && range.transferSyntax !== "*" && range.transferSyntax !== "1.2.840.10008.1.2.1") continue;
    return range.multipart;
  }
  return null;
}

import "server-only";
import type { ServerResponse } from "node:http";
import type { Actor } from "@/lib/domain/access";
import type { RetrievableInstance, Retrieval } from "../queries/find-retrievable-instances";
import type { ImageDeps } from "../runtime/image-deps";
import { sendError } from "./http-replies";

// What every WADO-RS answer shares: the request's context, the refusal of what the actor may
// not view, and writing large answers without buffering them.

export interface WadoContext {
  deps: ImageDeps;
  actor: Actor;
  /** Built from the address the client used (request-base-url.ts). */
  baseUrl: string;
  accept: string | undefined;
}

export const NOT_FOUND = "no such study, series or instance (or not yours to see)";

// Pixels are never kept in the browser's disk cache: reading workstations are shared.
export const PIXELS_CACHE_CONTROL = "private, no-store";

/** The instances found, or null once a 403 (a study the actor sees but may not view) or a 404 is sent. */
export function foundOrRefuse(res: ServerResponse, retrieval: Retrieval): RetrievableInstance[] | null {
  if (retrieval.kind === "found" && retrieval.instances.length > 0) return retrieval.instances;
  if (retrieval.kind === "forbidden") sendError(res, 403, retrieval.message);
  else sendError(res, 404, NOT_FOUND);
  return null;
}

export function instanceUrl(baseUrl: string, instance: RetrievableInstance): string {
  return `${baseUrl}/studies/${instance.studyInstanceUid}/series/${instance.seriesInstanceUid}/instances/${instance.sopInstanceUid}`;
}

export function drained(res: ServerResponse): Promise<void> {
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

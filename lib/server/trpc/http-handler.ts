import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { actorFromCookieHeader, type ResolveActor } from "../auth/actor-from-cookie";
import type { Db } from "../db/client";
import { TRPC_MAX_BATCH_SIZE } from "@/lib/trpc/batch-limit";
import { TRPC_MAX_BODY_BYTES } from "../http/body-limits";
import { appRouter } from "./app-router";

export const TRPC_BASE_PATH = "/api/trpc/";

// A JSON API: larger bodies are refused with 413 before parsing (from the headers by the
// server's request guard; counted here for a chunked body).
const MAX_BODY_BYTES = TRPC_MAX_BODY_BYTES;
/** The client's batch link sends at most as many (lib/trpc/batch-limit.ts). */
const MAX_BATCH_SIZE = TRPC_MAX_BATCH_SIZE;

/**
 * tRPC served by the custom Node server before Next, like socket.io (and DICOMweb later):
 * Next's route pipeline plus getServerSession cost more server CPU than the whole procedure
 * on the live worklist's hot path (docs/benchmarks.md).
 */
export function createTrpcHttpHandler(options: { db: Db; secret: string; resolveActor: ResolveActor }) {
  const handler = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE_PATH,
    maxBodySize: MAX_BODY_BYTES,
    // One HTTP request cannot make the server run an unbounded list of procedures.
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async ({ req }) => ({
      db: options.db,
      actor: await actorFromCookieHeader(req.headers.cookie, options.secret, options.resolveActor),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
  return (req: IncomingMessage, res: ServerResponse) => handler(req, res);
}

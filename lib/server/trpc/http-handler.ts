import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { decodeSessionCookie, type ResolveActor } from "../auth/actor-from-cookie";
import type { ResolveSession } from "../auth/actor-batch-loader";
import { relyingPartyOf } from "../auth/factors/relying-party";
import type { Db } from "../db/client";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../db/database-unavailable";
import { TRPC_MAX_BATCH_SIZE } from "@/lib/trpc/batch-limit";
import { TRPC_MAX_BODY_BYTES } from "../http/body-limits";
import { appRouter } from "./app-router";
import { databaseUnavailableError } from "./error-mapping";

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
export function createTrpcHttpHandler(options: { db: Db; secret: string; resolveActor: ResolveActor; resolveSession?: ResolveSession }) {
  const handler = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE_PATH,
    maxBodySize: MAX_BODY_BYTES,
    // One HTTP request cannot make the server run an unbounded list of procedures.
    maxBatchSize: MAX_BATCH_SIZE,
    // The session is looked up before any procedure runs: PostgreSQL away at that moment is a
    // 503 like inside a procedure, not tRPC's default 500 for a failed context.
    createContext: async ({ req }) => {
      try {
        return await createContext(req);
      } catch (error) {
        throw isDatabaseUnavailable(error) ? databaseUnavailableError(error) : error;
      }
    },
    // Every 503 (database away or saturated, audit rows not writable) says when to come back.
    responseMeta({ errors }) {
      return errors.some((error) => error.code === "SERVICE_UNAVAILABLE") ? { headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
  async function createContext(req: IncomingMessage) {
    const rp = relyingPartyOf(req.headers);
    const named = await decodeSessionCookie(req.headers.cookie, options.secret);
    if (!options.resolveSession) {
      const actor = named ? await options.resolveActor(named.userId, { id: named.sessionId }) : null;
      return { db: options.db, rp, actor, sessionId: actor ? (named?.sessionId ?? null) : null };
    }
    const resolved = named?.sessionId ? await options.resolveSession(named.userId, named.sessionId) : null;
    if (!resolved) return { db: options.db, rp, actor: null, sessionId: null, session: null };
    const { actor, session, reach } = resolved;
    const full = reach === "FULL";
    return {
      db: options.db,
      rp,
      actor: full ? actor : null,
      // The account procedures (password, own sessions) take a session of full reach only.
      sessionId: full ? session.id : null,
      session: { id: session.id, user: actor, method: session.method, strongAt: session.strongAt, reach },
    };
  }
  return (req: IncomingMessage, res: ServerResponse) => handler(req, res);
}

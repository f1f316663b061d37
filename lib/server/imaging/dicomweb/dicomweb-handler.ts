import "server-only";
import { isAppError } from "@/lib/domain/errors";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../../db/database-unavailable";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ResolveActor } from "../../auth/actor-from-cookie";
import { searchInstances } from "../queries/search-instances";
import { searchSeries } from "../queries/search-series";
import { searchStudies } from "../queries/search-studies";
import type { ImageDeps } from "../runtime/image-deps";
import { isPreflight, preflightAnswer, responseCorsHeaders } from "../../http/cors-policy";
import { addressRefusedMessage, resolveDicomwebPrincipal, type BearerAuthenticator } from "./dicomweb-principal";
import { DICOMWEB_BASE_PATH, matchDicomwebRoute } from "./dicomweb-routes";
import { sendError, sendJson } from "./http-replies";
import { parseQidoQuery } from "../queries/qido-query";
import { queryStringProblem } from "./query-string-check";
import { handleStow } from "./stow-rs";
import { requestBaseUrl } from "./request-base-url";
import { handleBulkdata } from "./wado-bulkdata";
import { handleRendered } from "./wado-rendered";
import { handleFrames, handleMetadata, handleRetrieve } from "./wado-rs";

// DICOMweb on the custom server, before Next (pixel data through Next's routes
// halved throughput when measured). Same origin as the app, so the browser's session cookie authenticates
// the viewer and uploads without CORS; site PACS use bearer tokens for STOW-RS. Programs and
// other origins' pages (an external viewer, from the origins of DICOMWEB_CORS_ORIGINS) read with
// a user's OpenID access token (dicomweb-principal.ts, cors-policy.ts).

export { DICOMWEB_BASE_PATH };

/**
 * `trustForwarded`: a reverse proxy the operator controls sets X-Forwarded-Host/-Proto/-For; only
 * then are they used for the URLs written into answers (request-base-url.ts) and for the address
 * a site token is checked against (its sender's allow-list).
 * `corsOrigins`: the origins whose pages may read (empty: none). `authenticateBearer`: checks a
 * user's access token (unset: only site tokens are known).
 */
export function createDicomwebHandler(options: {
  deps: ImageDeps;
  secret: string;
  resolveActor: ResolveActor;
  maxRequestBytes: number;
  trustForwarded?: boolean;
  corsOrigins?: readonly string[];
  authenticateBearer?: BearerAuthenticator | undefined;
}) {
  const corsOrigins = options.corsOrigins ?? [];
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await handle(req, res);
    } catch (error) {
      console.error("[dicomweb]", req.method, req.url, error);
      if (isAppError(error) && error.code === "AUDIT_UNAVAILABLE") {
        // The read's audit row could not be written: nothing is served until it can be.
        if (!res.headersSent) res.setHeader("Retry-After", "5");
        sendError(res, 503, error.message);
      } else if (isDatabaseUnavailable(error)) {
        // The database restarting or saturated. A site PACS retries a 503 after Retry-After:
        // nothing was half-written (one transaction per instance).
        if (!res.headersSent) res.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
        sendError(res, 503, "service briefly unavailable, retry later");
      } else sendError(res, 500, "internal error");
    }
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Set before any answer, errors included: a page elsewhere reads why it was refused.
    for (const [name, value] of Object.entries(responseCorsHeaders(req.headers.origin, corsOrigins))) res.setHeader(name, value);
    // Pixels and metadata are never embedded by another origin's page without CORS (an <img>).
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    const preflight = { origin: req.headers.origin, method: req.headers["access-control-request-method"] };
    if (corsOrigins.length > 0 && isPreflight(req.method, preflight)) {
      const answer = preflightAnswer(preflight, corsOrigins);
      if (answer.status === 403) return sendError(res, 403, answer.message, answer.headers);
      res.writeHead(204, answer.headers).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const queryProblem = queryStringProblem(url.searchParams);
    if (queryProblem) return sendError(res, 400, queryProblem);
    let match;
    try {
      match = matchDicomwebRoute(req.method ?? "GET", url.pathname);
    } catch {
      return sendError(res, 400, "malformed URL encoding");
    }
    if (!match.ok) return sendError(res, match.status, match.message);
    const route = match.route;
    const baseUrl = requestBaseUrl(req, { trustForwarded: options.trustForwarded === true });
    const principal = await resolveDicomwebPrincipal(req, {
      db: options.deps.db,
      secret: options.secret,
      resolveActor: options.resolveActor,
      trustProxy: options.trustForwarded === true,
      authenticateBearer: options.authenticateBearer,
    });

    if (route.kind === "stow") {
      return handleStow(req, res, { deps: options.deps, principal, studyUid: route.studyUid, baseUrl, maxRequestBytes: options.maxRequestBytes });
    }
    if (principal.kind === "address-refused") return sendError(res, 403, addressRefusedMessage(principal.address));
    if (principal.kind === "refused") return sendError(res, principal.status, principal.message, principal.headers);
    if (principal.kind === "invalid-token") return sendError(res, 401, "unknown, revoked or malformed bearer token", { "WWW-Authenticate": 'Bearer realm="dicomweb", error="invalid_token"' });
    if (principal.kind !== "user") {
      return sendError(res, 401, principal.kind === "sender" ? "site tokens may only store (STOW-RS)" : "authentication required", { "WWW-Authenticate": 'Bearer realm="dicomweb"' });
    }
    const actor = principal.actor;
    const context = { deps: options.deps, actor, baseUrl, accept: req.headers.accept };

    switch (route.kind) {
      case "qido-studies":
      case "qido-series":
      case "qido-instances": {
        const parsed = parseQidoQuery(url.searchParams);
        if (!parsed.ok) return sendError(res, 400, parsed.message);
        const args = { db: options.deps.db, actor, query: parsed.query, baseUrl };
        const results =
          route.kind === "qido-studies"
            ? await searchStudies(args)
            : route.kind === "qido-series"
              ? await searchSeries({ ...args, studyUid: route.studyUid })
              : await searchInstances({ ...args, studyUid: route.studyUid, seriesUid: route.seriesUid });
        // PS3.18: no match is 204 No Content... but an empty array with 200 is what clients handle best.
        return sendJson(res, 200, results);
      }
      case "metadata":
        return handleMetadata(res, context, route);
      case "retrieve":
        return handleRetrieve(res, context, route);
      case "frames":
        return handleFrames(res, context, route, route.frames);
      case "rendered":
        return handleRendered(res, context, route, url.searchParams);
      case "bulkdata":
        return handleBulkdata(res, context, route);
      default: {
        const unreachable: never = route;
        return unreachable;
      }
    }
  }
}

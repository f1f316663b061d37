import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { isAppError } from "@/lib/domain/errors";
import { FHIR_BASE_PATH, FHIR_JSON } from "@/lib/domain/fhir/fhir-codes";
import { FhirProblem, operationOutcome } from "@/lib/domain/fhir/operation-outcome";
import { parseSearch } from "@/lib/domain/fhir/search-params";
import { actorFromBearer } from "../auth/bearer/actor-from-bearer";
import { oidcConfig } from "../auth/oidc/oidc-config";
import type { Db } from "../db/client";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../db/database-unavailable";
import { addressOfRequest } from "../http/client-address";
import { requestBaseUrl } from "../imaging/dicomweb/request-base-url";
import { capabilityStatement } from "./capability-statement";
import { createServiceRequest } from "./create-service-request";
import { auditFhirRead } from "./fhir-audit";
import { readFhir, searchFhir } from "./fhir-reads";
import { matchFhirRoute } from "./fhir-routes";
import { findControlCharacters, hasControlCharacters } from "@/lib/domain/control-characters";

// The FHIR R4 API on the custom server (lib/server/main.ts routes /fhir/R4 here), for the sites'
// EHRs: JSON only, every refusal an OperationOutcome with a precise 4xx, never a 500 for bad
// input. Authenticated by the OpenID provider's access tokens (auth/bearer), scoped exactly as
// the UI. docs/interfaces-fhir.md is the reference for integrators.

export { FHIR_BASE_PATH };

export interface FhirHandlerOptions {
  /** The database the API reads and writes. */
  db: Db;
  /** Believe X-Forwarded-Host/-Proto/-For (a reverse proxy the operator controls sets them). */
  trustForwarded: boolean;
  maxBodyBytes: number;
}

export function createFhirHandler(options: FhirHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await handle(req, res, options);
    } catch (error) {
      if (error instanceof FhirProblem) return sendOutcome(res, error.status, error);
      if (isAppError(error) && error.code === "AUDIT_UNAVAILABLE") return sendOutcome(res, 503, FhirProblem.of(503, "transient", error.message), { "Retry-After": "5" });
      // The database restarting or saturated: the EHR sends the request again later.
      if (isDatabaseUnavailable(error)) return sendOutcome(res, 503, FhirProblem.of(503, "transient", "service briefly unavailable, retry later"), { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) });
      console.error("[fhir]", req.method, req.url?.split("?")[0], error);
      // A fault of ours, not of the request: said as such, without details.
      sendOutcome(res, 500, new FhirProblem(503, [{ code: "exception", diagnostics: "internal error" }]));
    }
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: FhirHandlerOptions): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const match = matchFhirRoute(req.method ?? "GET", url.pathname);
  if (!match.ok) throw FhirProblem.of(match.status, match.status === 405 ? "not-supported" : match.status === 404 ? "not-found" : "invalid", match.message);
  const accept = req.headers.accept;
  if (accept && !/(^|,|\s)(\*\/\*|application\/\*|application\/(fhir\+)?json)(\s*;[^,]*)?(?=,|$)/i.test(accept)) {
    throw FhirProblem.of(406, "not-supported", `only ${FHIR_JSON} (or application/json) is served`);
  }
  const origin = requestBaseUrl(req, { trustForwarded: options.trustForwarded }).replace(/\/dicomweb$/, "");
  const base = `${origin}${FHIR_BASE_PATH}`;
  const route = match.route;
  if (route.kind === "metadata") return sendResource(res, 200, capabilityStatement(base, oidcConfig()?.issuer ?? null));

  const outcome = await actorFromBearer(req.headers.authorization, { address: addressOfRequest(req, { trustProxy: options.trustForwarded }), channel: "FHIR", realm: "fhir" }, { db: options.db });
  if (!outcome.ok) {
    const code = outcome.status === 403 ? "forbidden" : outcome.status === 503 ? "transient" : "login";
    return sendOutcome(res, outcome.status, FhirProblem.of(outcome.status, code, outcome.message), outcome.challenge ? { "WWW-Authenticate": outcome.challenge } : {});
  }
  const actor = outcome.actor;
  const db = options.db;

  if (route.kind === "create") {
    const body = await readJsonBody(req, options.maxBodyBytes);
    // A NUL would reach PostgreSQL (a 500 where a 400 is due): one rule for every client's text.
    const badText = findControlCharacters(body, "ServiceRequest");
    if (badText) throw FhirProblem.of(400, "invalid", `control characters are not allowed (${badText})`, badText);
    const created = await createServiceRequest(db, actor, body);
    const location = `${base}/ServiceRequest/${created.resource.id}`;
    return sendResource(res, created.created ? 201 : 200, created.resource, { Location: location });
  }

  if (route.kind === "read") {
    const page = await readFhir(db, actor, route.type, route.id, { origin });
    await auditFhirRead(db, actor, { interaction: "read", resourceType: route.type, ids: [route.id], requestIds: page.requestIds });
    return sendResource(res, 200, page.resource);
  }

  for (const [name, value] of url.searchParams) {
    if (hasControlCharacters(name) || hasControlCharacters(value)) throw FhirProblem.of(400, "invalid", `control characters are not allowed in the search parameter ${JSON.stringify(name.replace(/[^\x20-\x7e]/g, "?"))}`);
  }
  const parsed = parseSearch(route.type, url.searchParams);
  if (!parsed.ok) throw new FhirProblem(400, parsed.issues);
  const page = await searchFhir(db, actor, route.type, parsed.query, { origin });
  await auditFhirRead(db, actor, { interaction: "search", resourceType: route.type, ids: page.resources.map((resource) => resource.id ?? ""), requestIds: page.requestIds, query: url.search });
  sendResource(res, 200, searchBundle(`${base}/${route.type}`, url.searchParams, parsed.query, page.resources, page.total));
}

function searchBundle(self: string, params: URLSearchParams, query: { count: number; offset: number }, resources: Resource[], total: number): Bundle {
  const linkAt = (offset: number) => {
    const next = new URLSearchParams(params);
    next.set("_offset", String(offset));
    next.set("_count", String(query.count));
    return `${self}?${next.toString()}`;
  };
  const selfUrl = params.size > 0 ? `${self}?${params.toString()}` : self;
  return {
    resourceType: "Bundle",
    type: "searchset",
    total,
    link: [{ relation: "self", url: selfUrl }, ...(query.count > 0 && query.offset + query.count < total ? [{ relation: "next", url: linkAt(query.offset + query.count) }] : [])],
    entry: resources.map((resource) => ({ fullUrl: `${self.slice(0, self.lastIndexOf("/"))}/${resource.resourceType}/${resource.id}`, resource, search: { mode: "match" as const } })),
  };
}

async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== FHIR_JSON && type !== "application/json") throw FhirProblem.of(415, "not-supported", `the body must be ${FHIR_JSON}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw FhirProblem.of(413, "too-long", `the body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw FhirProblem.of(400, "structure", "the body is not valid JSON");
  }
}

function sendResource(res: ServerResponse, status: number, resource: Resource, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(resource);
  res.writeHead(status, { "Content-Type": `${FHIR_JSON}; charset=utf-8`, "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store", ...headers });
  res.end(text);
}

function sendOutcome(res: ServerResponse, status: number, problem: FhirProblem, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendResource(res, status, operationOutcome(problem.issues), headers);
}

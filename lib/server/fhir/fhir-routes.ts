import { FHIR_BASE_PATH } from "@/lib/domain/fhir/fhir-codes";
import type { SearchableType } from "@/lib/domain/fhir/search-params";

// The FHIR interactions this server answers, from a method and a path below /fhir/R4. Pure.

export type FhirRoute =
  | { kind: "metadata" }
  | { kind: "search"; type: SearchableType }
  | { kind: "read"; type: SearchableType; id: string }
  | { kind: "create"; type: "ServiceRequest" };

export type FhirRouteMatch = { ok: true; route: FhirRoute } | { ok: false; status: 400 | 404 | 405; message: string };

const TYPES: readonly SearchableType[] = ["ServiceRequest", "Task", "ImagingStudy", "DiagnosticReport", "Patient"];
const ID = /^[A-Za-z0-9.-]{1,64}$/;

export function matchFhirRoute(method: string, pathname: string): FhirRouteMatch {
  if (pathname !== FHIR_BASE_PATH && !pathname.startsWith(`${FHIR_BASE_PATH}/`)) return { ok: false, status: 404, message: "not a FHIR path" };
  const parts = pathname.slice(FHIR_BASE_PATH.length).split("/").filter(Boolean);
  const [first, second, ...rest] = parts;
  const read = method === "GET" || method === "HEAD";
  if (first === "metadata" && parts.length === 1) return read ? { ok: true, route: { kind: "metadata" } } : notAllowed(method, "metadata");
  if (!first) return { ok: false, status: 404, message: `nothing at the base: GET ${FHIR_BASE_PATH}/metadata says what is served` };
  const type = TYPES.find((candidate) => candidate === first);
  if (!type) return { ok: false, status: 404, message: `resource type ${first.slice(0, 64)} is not served here (see ${FHIR_BASE_PATH}/metadata)` };
  if (second === undefined) {
    if (read) return { ok: true, route: { kind: "search", type } };
    if (method === "POST" && type === "ServiceRequest") return { ok: true, route: { kind: "create", type } };
    return notAllowed(method, type);
  }
  if (rest.length > 0) return { ok: false, status: 404, message: "history and operations are not served" };
  if (!ID.test(second)) return { ok: false, status: 400, message: "a resource id has 1 to 64 letters, digits, '-' or '.'" };
  return read ? { ok: true, route: { kind: "read", type, id: second } } : notAllowed(method, `${type}/${second}`);
}

function notAllowed(method: string, what: string): FhirRouteMatch {
  return { ok: false, status: 405, message: `${method} is not supported on ${what}` };
}

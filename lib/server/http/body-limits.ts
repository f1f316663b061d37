// How large a request body may be on each route, and whether it may arrive without a declared
// length. Read by the request guard (request-guard.ts) before any handler, so that an oversized
// body is refused from its headers, never after being read.

export const KIB = 1024;

/** tRPC's JSON (the largest is a report draft); tRPC's own adapter counts the same limit. */
export const TRPC_MAX_BODY_BYTES = 256 * KIB;
/** next-auth's forms: an e-mail, a password, a CSRF token and a callback URL. */
export const AUTH_MAX_BODY_BYTES = 32 * KIB;
/** socket.io's long-polling POSTs carry hints' acknowledgements and presence, a few bytes each. */
export const SOCKET_MAX_BODY_BYTES = 64 * KIB;
/** Anything else: pages, Next's other routes (no Server Action exists), DICOMweb reads. */
export const DEFAULT_MAX_BODY_BYTES = 64 * KIB;
export const TEST_CLOCK_MAX_BODY_BYTES = 1 * KIB;
/** The FHIR API's JSON: a ServiceRequest with its contained Patient is a few kilobytes. */
export const FHIR_MAX_BODY_BYTES = 64 * KIB;

export interface BodyRule {
  maxBytes: number;
  /**
   * Whether a body may come without Content-Length (chunked), its size then counted as it
   * arrives by the handler itself. Only handlers that count do: STOW-RS (PACS stream studies)
   * and tRPC (its adapter stops at its limit). Next reads a route's whole body before looking
   * at it, so what goes to Next must say its size up front (browsers always do).
   */
  chunkedAllowed: boolean;
  /** STOW-RS bodies are studies: minutes on a slow link; they have the server's overall request timeout only. */
  longUpload: boolean;
}

export function bodyRuleFor(method: string, pathname: string, limits: { stowMaxBytes: number }): BodyRule {
  if (pathname === "/dicomweb" || pathname.startsWith("/dicomweb/")) {
    return method === "POST" ? { maxBytes: limits.stowMaxBytes, chunkedAllowed: true, longUpload: true } : fixed(DEFAULT_MAX_BODY_BYTES);
  }
  if (pathname.startsWith("/api/trpc/")) return { maxBytes: TRPC_MAX_BODY_BYTES, chunkedAllowed: true, longUpload: false };
  if (pathname === "/api/auth" || pathname.startsWith("/api/auth/")) return fixed(AUTH_MAX_BODY_BYTES);
  if (pathname.startsWith("/socket.io/")) return fixed(SOCKET_MAX_BODY_BYTES);
  if (pathname.startsWith("/__test/")) return fixed(TEST_CLOCK_MAX_BODY_BYTES);
  if (pathname === "/fhir/R4" || pathname.startsWith("/fhir/R4/")) return fixed(FHIR_MAX_BODY_BYTES);
  return fixed(DEFAULT_MAX_BODY_BYTES);
}

function fixed(maxBytes: number): BodyRule {
  return { maxBytes, chunkedAllowed: false, longUpload: false };
}

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 411 | 413; message: string };

/** The verdict from the request's headers alone. */
export function judgeDeclaredBody(rule: BodyRule, headers: { contentLength: string | undefined; transferEncoding: string | undefined }): BodyVerdict {
  if (headers.contentLength !== undefined) {
    if (!/^\d+$/.test(headers.contentLength.trim())) return { ok: false, status: 400, message: "malformed Content-Length" };
    const declared = Number(headers.contentLength.trim());
    if (declared > rule.maxBytes) return { ok: false, status: 413, message: `request body of ${declared} bytes exceeds this route's ${rule.maxBytes}-byte limit` };
    return { ok: true };
  }
  if (headers.transferEncoding !== undefined && !rule.chunkedAllowed) {
    return { ok: false, status: 411, message: "this route needs a Content-Length" };
  }
  return { ok: true };
}

// Cross-origin reads of DICOMweb (a web viewer served from another origin), by the Fetch
// standard's CORS protocol. Pure: the DICOMweb handler applies the headers it returns.
//
// Rules, and why:
// - Origins are an exact allow-list (DICOMWEB_CORS_ORIGINS), compared as the browser serialises
//   its Origin header; never `*`, never a pattern: a study list is patient data.
// - Credentials are never allowed (no Access-Control-Allow-Credentials): the other origin's page
//   authenticates with a bearer token it holds, never with the clinician's session cookie, so a
//   page elsewhere can never act or read under a session it was not given.
// - Methods GET and HEAD only: reads. STOW-RS by a user's bearer token is refused anyway, and a
//   cross-origin POST is refused before any handler (origin-check.ts).
// - Without a listed origin, no CORS header at all: the browser withholds the answer.

/** Methods another origin's page may use. */
export const CORS_METHODS = ["GET", "HEAD"] as const;
/** Request headers it may send (Accept is not always "simple": DICOMweb media types carry quotes). */
export const CORS_REQUEST_HEADERS = ["Authorization", "Accept", "Content-Type"] as const;
/** Answer headers its script may read beyond the always-readable ones. */
export const CORS_EXPOSED_HEADERS = ["Content-Type", "Content-Length", "Content-Location", "Warning", "WWW-Authenticate", "Retry-After"] as const;
/** How long a browser keeps a preflight's answer (seconds; Chromium caps it at 2 hours). */
export const CORS_MAX_AGE_S = 600;

export type OriginListParse = { ok: true; origins: string[] } | { ok: false; message: string };

/**
 * The setting's comma-separated origins, each exactly as a browser sends it:
 * `https://viewer.chu.fr` or `http://127.0.0.1:8080` (scheme, host, port if not the default;
 * no path, no trailing slash, lower case). Empty: no cross-origin access.
 */
export function parseCorsOrigins(text: string | undefined): OriginListParse {
  const entries = (text ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const origins: string[] = [];
  for (const entry of entries) {
    if (entry === "*" || entry === "null") return { ok: false, message: `"${entry}" is not allowed: name each origin` };
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return { ok: false, message: `"${entry}" is not an origin (expected e.g. https://viewer.example.org)` };
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: `"${entry}": only http and https origins` };
    if (url.origin !== entry) return { ok: false, message: `"${entry}" should be written ${url.origin} (as browsers send it: no path, no trailing slash, no default port)` };
    if (!origins.includes(entry)) origins.push(entry);
  }
  return { ok: true, origins };
}

/** The request's Origin when it is on the list, else null. */
export function listedOrigin(origin: string | string[] | undefined, allowList: readonly string[]): string | null {
  const value = Array.isArray(origin) ? origin[0] : origin;
  return value !== undefined && allowList.includes(value) ? value : null;
}

export interface PreflightRequest {
  origin: string | string[] | undefined;
  /** Access-Control-Request-Method. */
  method: string | string[] | undefined;
}

/** A CORS preflight: OPTIONS with an Origin and the method the page means to use. */
export function isPreflight(httpMethod: string | undefined, request: PreflightRequest): boolean {
  return httpMethod === "OPTIONS" && request.origin !== undefined && request.method !== undefined;
}

export type PreflightAnswer = { status: 204; headers: Record<string, string> } | { status: 403; headers: Record<string, string>; message: string };

/**
 * The answer to a preflight. A listed origin gets the policy's methods and headers whatever it
 * asked: the browser compares them with its request and blocks what is not granted.
 */
export function preflightAnswer(request: PreflightRequest, allowList: readonly string[]): PreflightAnswer {
  const origin = listedOrigin(request.origin, allowList);
  if (!origin) return { status: 403, headers: { Vary: "Origin" }, message: "this origin may not read DICOMweb from another site (not in DICOMWEB_CORS_ORIGINS)" };
  return {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": CORS_METHODS.join(", "),
      "Access-Control-Allow-Headers": CORS_REQUEST_HEADERS.join(", "),
      "Access-Control-Max-Age": String(CORS_MAX_AGE_S),
      Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    },
  };
}

/**
 * Headers of an actual answer. Vary: Origin on every answer once CORS is on: the same URL is
 * answered with or without Allow-Origin depending on who asks, so no cache may mix them.
 */
export function responseCorsHeaders(origin: string | string[] | undefined, allowList: readonly string[]): Record<string, string> {
  if (allowList.length === 0) return {};
  const listed = listedOrigin(origin, allowList);
  if (!listed) return { Vary: "Origin" };
  return { "Access-Control-Allow-Origin": listed, "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS.join(", "), Vary: "Origin" };
}

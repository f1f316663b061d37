import "server-only";
import type { IncomingMessage } from "node:http";

// A browser names the page that sent a request (Origin). A state-changing request whose page
// is on another site is a forgery attempt riding on the clinician's cookie: refused. Requests
// without Origin come from programs (a site's PACS pushing STOW-RS, a script), which
// authenticate otherwise and cannot be made to send a clinician's cookie by a web page.

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isForeignOrigin(req: Pick<IncomingMessage, "headers">, options: { trustProxy: boolean }): boolean {
  const origin = first(req.headers.origin);
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: not one of our pages.
    return true;
  }
  const forwardedHost = options.trustProxy ? first(req.headers["x-forwarded-host"])?.split(",")[0]?.trim() : undefined;
  const host = (forwardedHost ?? first(req.headers.host) ?? "").toLowerCase();
  return originHost !== host;
}

/** A state-changing request from another site's page. */
export function isCrossSiteWrite(req: Pick<IncomingMessage, "headers" | "method">, options: { trustProxy: boolean }): boolean {
  return STATE_CHANGING.has((req.method ?? "GET").toUpperCase()) && isForeignOrigin(req, options);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

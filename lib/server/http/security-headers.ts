import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";

// Headers on every answer of the server, whatever produced it (Next's pages, tRPC, DICOMweb,
// next-auth): the pages cannot be framed by another site (their buttons would act under a
// clinician's session), content types are not guessed, the referrer never leaves the site with
// a request's id in its path, the browser features the product does not use are off, and a
// browser that reached it over TLS keeps to TLS.
const ALWAYS: Record<string, string> = {
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

/** Set before any handler runs; a handler may still add its own (DICOMweb's Cache-Control). */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: { trustProxy: boolean; patientData: boolean }): void {
  for (const [name, value] of Object.entries(ALWAYS)) res.setHeader(name, value);
  if (servedOverTls(req, options.trustProxy)) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  // Answers that carry patient data stay out of every cache (shared workstations, proxies).
  if (options.patientData) res.setHeader("Cache-Control", "no-store");
}

function servedOverTls(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  const proto = req.headers["x-forwarded-proto"];
  return trustProxy && (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase() === "https";
}

import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerKindOf, DATA_POLICY, newNonce, pagePolicy, STATIC_ASSET_POLICY, websocketOriginsFor } from "./content-security-policy";

// Headers on every answer of the server, whatever produced it (Next's pages, tRPC, DICOMweb,
// next-auth): a Content-Security-Policy for the kind of answer (content-security-policy.ts),
// the pages cannot be framed by another site (their buttons would act under a clinician's
// session), content types are not guessed, the referrer never leaves the site with a request's
// id in its path, the browser features the product does not use are off, and a browser that
// reached it over TLS keeps to TLS.
const ALWAYS: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

/**
 * Set before any handler runs; a handler may still add its own (DICOMweb's Cache-Control).
 * A page's policy is also written into the request's headers: Next takes the nonce from there
 * for the scripts it renders.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: { trustProxy: boolean; patientData: boolean; dev: boolean }): void {
  for (const [name, value] of Object.entries(ALWAYS)) res.setHeader(name, value);
  const overTls = servedOverTls(req, options.trustProxy);
  if (overTls) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  // Answers that carry patient data stay out of every cache (shared workstations, proxies).
  if (options.patientData) res.setHeader("Cache-Control", "no-store");

  // Whatever the client sent under this name is not ours: only the server's nonce counts.
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  const kind = answerKindOf(pathOf(req.url));
  if (kind === "page") {
    const policy = pagePolicy({ nonce: newNonce(), dev: options.dev, websocketOrigins: websocketOriginsFor(req.headers.host, overTls) });
    req.headers["content-security-policy"] = policy;
    res.setHeader("Content-Security-Policy", policy);
  } else res.setHeader("Content-Security-Policy", kind === "static" ? STATIC_ASSET_POLICY : DATA_POLICY);
}

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const query = raw.indexOf("?");
  return query === -1 ? raw : raw.slice(0, query);
}

function servedOverTls(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  const proto = req.headers["x-forwarded-proto"];
  return trustProxy && (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase() === "https";
}

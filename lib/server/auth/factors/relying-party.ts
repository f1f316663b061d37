import "server-only";
import type { IncomingHttpHeaders } from "node:http";

export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

const NAME = "Télé-radiologie";

/**
 * The WebAuthn relying party: NEXTAUTH_URL's host when configured (production: the public
 * name), else the host the browser asked for. A forged Host gains nothing: the browser signs
 * the origin it really is on, and a passkey only answers its own relying party.
 */
export function relyingPartyOf(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>, configuredUrl = process.env.NEXTAUTH_URL): RelyingParty {
  if (configuredUrl) {
    const url = new URL(configuredUrl);
    return { id: url.hostname, origin: url.origin, name: NAME };
  }
  const rawHost = headers.host;
  const host = (Array.isArray(rawHost) ? rawHost[0] : rawHost) ?? "localhost";
  const forwardedProto = process.env.TRUST_PROXY === "true" ? headers["x-forwarded-proto"] : undefined;
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(",")[0]?.trim() === "https" ? "https" : "http";
  const origin = `${proto}://${host}`;
  return { id: new URL(origin).hostname, origin, name: NAME };
}

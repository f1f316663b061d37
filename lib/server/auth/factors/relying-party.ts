import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";

export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

const NAME = "Télé-radiologie";

/**
 * The WebAuthn relying party: NEXTAUTH_URL's host when it is a name (production: the public
 * name), else the host the browser asked for. WebAuthn refuses an IP address as relying party,
 * and NEXTAUTH_URL defaults to http://HOST:PORT (main.ts), an address. A forged Host gains
 * nothing: the browser signs the origin it really is on, and a passkey only answers its own
 * relying party.
 */
export function relyingPartyOf(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>, configuredUrl = process.env.NEXTAUTH_URL): RelyingParty {
  const configured = configuredUrl ? new URL(configuredUrl) : null;
  if (configured && isIP(configured.hostname.replace(/^\[|\]$/g, "")) === 0) return { id: configured.hostname, origin: configured.origin, name: NAME };
  const rawHost = headers.host;
  const host = (Array.isArray(rawHost) ? rawHost[0] : rawHost) ?? "localhost";
  const forwardedProto = process.env.TRUST_PROXY === "true" ? headers["x-forwarded-proto"] : undefined;
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(",")[0]?.trim() === "https" ? "https" : "http";
  const origin = `${proto}://${host}`;
  // A malformed Host gives a relying party no browser will answer for: the passkey step fails, not the request.
  const id = URL.canParse(origin) ? new URL(origin).hostname : "invalid.invalid";
  return { id, origin, name: NAME };
}

import "server-only";
import type { IncomingMessage } from "node:http";

// The address a request came from, for sign-in throttling and the audit. The server stamps it
// on every request it receives (lib/server/main.ts), over any value the client sent, so that
// the code behind Next (next-auth's authorize) reads what the socket saw. Behind a reverse
// proxy the operator controls (TRUST_PROXY=true), it is the last X-Forwarded-For hop: the one
// that proxy added, the only one not written by the client.

export const CLIENT_ADDRESS_HEADER = "x-teleradio-client-address";

export function stampClientAddress(req: IncomingMessage, options: { trustProxy: boolean }): void {
  req.headers[CLIENT_ADDRESS_HEADER] = addressOfRequest(req, options);
}

/** The same address computed from the request itself, for handlers that must not depend on the stamp having been made. */
export function addressOfRequest(req: IncomingMessage, options: { trustProxy: boolean }): string {
  const forwarded = options.trustProxy ? lastForwardedHop(req.headers["x-forwarded-for"]) : null;
  return forwarded ?? req.socket.remoteAddress ?? "unknown";
}

export function clientAddressOf(headers: Record<string, string | string[] | undefined>): string {
  const value = headers[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) ?? "unknown";
}

function lastForwardedHop(header: string | string[] | undefined): string | null {
  const joined = Array.isArray(header) ? header.join(",") : header;
  const hops = joined?.split(",").map((hop) => hop.trim()).filter(Boolean) ?? [];
  return hops.at(-1) ?? null;
}

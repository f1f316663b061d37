import "server-only";
import type { ServerOptions } from "node:http";

/**
 * Node's own timeouts for the HTTP server. `headersTimeout`: the request line and headers must
 * be in within this time, or the connection gets 408 and closes (a slow-loris on headers).
 * `requestTimeout` bounds a whole request, body included: it is the upload's (STOW-RS studies
 * are long on a slow link); every other route's body has its own, shorter deadline
 * (request-guard.ts). Connections are checked every second, so a limit is met within a second.
 */
export function httpServerOptions(timeouts: { headersTimeoutMs: number; uploadTimeoutMs: number }): ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: Math.max(timeouts.uploadTimeoutMs, timeouts.headersTimeoutMs),
    connectionsCheckingInterval: 1000,
  };
}

import { TRPCClientError } from "@trpc/client";
import { isServiceUnavailableError } from "./error-message";

// Queries (reads, safe to repeat) are tried again when the failure says "a moment, not a
// refusal": the server's 503 (PostgreSQL restarting, lib/server/db/database-unavailable.ts), or
// the load balancer losing an instance under way (a 502 or 504, or no answer at all: the next
// try goes to the instance that is still up). Any other refusal would only come back the same,
// and its message is shown at once. Mutations are never repeated by themselves: a write whose
// answer was lost may have landed; the user sees the message and decides.

/** The server's Retry-After for a database away, in milliseconds. */
const RETRY_AFTER_MS = 5_000;
/** Another instance is usually there at once; the balancer needs about a second to notice. */
const FAILOVER_DELAY_MS = 1_000;
/** Three tries over about 15 s: a PostgreSQL restart or an instance lost, not an outage. */
const MAX_RETRIES = 3;

/** The request never got an answer of the server's own (connection lost), or the balancer's 502/504. */
function isInstanceLost(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  if (error.data !== undefined && error.data !== null) return false;
  const status = (error.meta as { response?: { status?: number } } | undefined)?.response?.status;
  return status === undefined || status === 502 || status === 504;
}

export function shouldRetryQuery(failures: number, error: unknown): boolean {
  return failures < MAX_RETRIES && (isServiceUnavailableError(error) || isInstanceLost(error));
}

export function queryRetryDelay(_failures: number, error: unknown): number {
  return isServiceUnavailableError(error) ? RETRY_AFTER_MS : FAILOVER_DELAY_MS;
}

import { isServiceUnavailableError } from "./error-message";

// Queries are tried again only when the server said "unavailable for a moment" (503 with
// Retry-After 5: PostgreSQL restarting, lib/server/db/database-unavailable.ts). Any other
// refusal would only come back the same, and its message is shown at once. Mutations are never
// repeated by themselves: the user sees the message and decides.

/** The server's Retry-After for a database away, in milliseconds. */
const RETRY_AFTER_MS = 5_000;
/** Three tries over about 15 s: a PostgreSQL restart, not an outage. */
const MAX_RETRIES = 3;

export function shouldRetryQuery(failures: number, error: unknown): boolean {
  return failures < MAX_RETRIES && isServiceUnavailableError(error);
}

export function queryRetryDelay(): number {
  return RETRY_AFTER_MS;
}

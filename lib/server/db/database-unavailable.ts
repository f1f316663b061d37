// Is this error the database being away or saturated for a moment, rather than the request or
// our code being wrong? Then the answer is 503 with Retry-After (every HTTP entry point says
// so), never a 500: the request may be sent again once PostgreSQL is back, and the pg pool
// under Prisma opens new connections by itself (docs/deployment.md, "When the database is away").
//
// Pure and duck-typed (no Prisma import): it recognises the shapes Prisma 7 with
// @prisma/adapter-pg actually raises, captured from a cluster stopped under load
// (database-unavailable.int.test.ts keeps them honest):
// - nothing listening: PrismaClientKnownRequestError P1001, driverAdapterError kind
//   DatabaseNotReachable (P2010 for raw queries, same cause);
// - a shutdown under way: P2039/P2010 whose driverAdapterError is a postgres 57P01
//   (admin_shutdown) or 57P03 (cannot_connect_now);
// - a transaction whose connection died: pg's own Error "Client has encountered a connection
//   error and is not queryable" or "Connection terminated unexpectedly", not wrapped by Prisma;
// - saturated: P2024 (no pooled connection in time), P2028 (transaction could not start or expired).

/** Prisma error codes that mean "the database cannot serve this now". */
const PRISMA_CODES = new Set([
  "P1001", // can't reach database server
  "P1002", // reached but timed out
  "P1008", // operation timed out
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API error (could not start in maxWait, or expired)
]);

/** @prisma/adapter-pg's kinds for a connection that failed or dropped. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** SQLSTATEs: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections; class 08 connection exceptions. */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// 08P01 (protocol_violation, e.g. too many bind parameters) is in class 08 but is our bug.
const isConnectionSqlState = (code: string) => SQLSTATES.has(code) || (/^08[0-9A-Z]{3}$/.test(code) && code !== "08P01");

/** Node socket errors on the way to PostgreSQL. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/** node-postgres's messages for a connection that ended under a query or a transaction. */
const PG_MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error and is not queryable/, /^timeout exceeded when trying to connect/];

const MAX_DEPTH = 6;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && isObject(current); depth++) {
    // Another peer's failure (the S3 store, the OpenID provider, a PACS over HTTP) carries the
    // same socket codes in its cause: it is not the database, and must not hide as a 503.
    if (isOtherPeersFailure(current)) return false;
    if (matches(current)) return true;
    // TRPCError, our own wrappers and pg's errors keep what happened in `cause`.
    current = current.cause;
  }
  return false;
}

function matches(error: Record<string, unknown>): boolean {
  const code = typeof error.code === "string" ? error.code : null;
  if (code && /^P\d{4}$/.test(code)) {
    if (PRISMA_CODES.has(code)) return true;
    return isObject(error.meta) && adapterCauseMatches(error.meta.driverAdapterError);
  }
  if (error.name === "DriverAdapterError") return adapterCauseMatches(error);
  if (code && (SOCKET_CODES.has(code) || isConnectionSqlState(code))) return true;
  const message = typeof error.message === "string" ? error.message : "";
  return PG_MESSAGES.some((pattern) => pattern.test(message));
}

/** fetch()'s failure (undici) or the AWS SDK's: a socket code beneath it is that peer's. */
function isOtherPeersFailure(error: Record<string, unknown>): boolean {
  return (error.name === "TypeError" && error.message === "fetch failed") || isObject(error.$metadata);
}

function adapterCauseMatches(adapterError: unknown): boolean {
  if (!isObject(adapterError) || !isObject(adapterError.cause)) return false;
  const cause = adapterError.cause;
  if (typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  const sqlState = typeof cause.originalCode === "string" ? cause.originalCode : typeof cause.code === "string" ? cause.code : null;
  return sqlState !== null && isConnectionSqlState(sqlState);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** What every HTTP entry point says with its 503: a client may send the request again after it. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

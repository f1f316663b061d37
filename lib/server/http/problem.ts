import "server-only";
import { isAppError } from "@/lib/domain/errors";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../db/database-unavailable";

// Plain route handlers (downloads) answer errors as JSON problems, like tRPC does for the rest.

export function problem(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store", ...headers } });
}

const STATUS_OF_ERROR: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_INPUT: 400, AUDIT_UNAVAILABLE: 503 };

/** The problem for an error a use case threw, or null when it is not ours (let it be a 500). */
export function problemOf(error: unknown): Response | null {
  if (isAppError(error) && error.code in STATUS_OF_ERROR) {
    return problem(STATUS_OF_ERROR[error.code]!, error.message, error.code === "AUDIT_UNAVAILABLE" ? { "retry-after": "5" } : {});
  }
  // PostgreSQL restarting or saturated: the download works again in a moment.
  if (isDatabaseUnavailable(error)) return problem(503, "Service briefly unavailable: try again in a moment", { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) });
  return null;
}

/**
 * A download route whose every step may meet a use case's refusal or the database away (the
 * session lookup included, before the use case): those become their problem, anything else
 * stays a 500.
 */
export function withProblems<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      const answer = problemOf(error);
      if (answer) return answer;
      throw error;
    }
  };
}

/** A file to save: never cached (it holds figures or patient data). */
export function download(body: Uint8Array | string, contentType: string, fileName: string): Response {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  return new Response(bytes, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "content-length": String(bytes.byteLength),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

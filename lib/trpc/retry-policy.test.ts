import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "@/lib/server/trpc/app-router";
import { createTranslator } from "@/lib/i18n/translate";
import { errorMessage } from "./error-message";
import { queryRetryDelay, shouldRetryQuery } from "./retry-policy";

/** A failed call as tRPC's link hands it to React Query: the server's error shape in `data`. */
function answered(httpStatus: number, code: string, appCode: string | null = null) {
  return new TRPCClientError<AppRouter>("failed", {
    result: { error: { message: "failed", code: -32000, data: { code, httpStatus, path: "worklist.list", appCode, details: null, fieldErrors: null } } } as never,
  });
}

describe("queries after a failure", () => {
  it("are tried again on a 503, three times, after the server's Retry-After", () => {
    const unavailable = answered(503, "SERVICE_UNAVAILABLE");
    expect([0, 1, 2].map((failures) => shouldRetryQuery(failures, unavailable))).toEqual([true, true, true]);
    expect(shouldRetryQuery(3, unavailable)).toBe(false);
    expect(queryRetryDelay(0, unavailable)).toBe(5_000);
    // The load balancer's own 503 page is not tRPC's JSON: the link keeps the response.
    expect(shouldRetryQuery(0, new TRPCClientError("Unable to transform response", { meta: { response: { status: 503 } } }))).toBe(true);
  });

  it("are not tried again on any other refusal: it would only come back the same", () => {
    for (const [status, code] of [
      [400, "BAD_REQUEST"],
      [401, "UNAUTHORIZED"],
      [403, "FORBIDDEN"],
      [404, "NOT_FOUND"],
      [409, "CONFLICT"],
      [500, "INTERNAL_SERVER_ERROR"],
    ] as const) {
      expect(shouldRetryQuery(0, answered(status, code))).toBe(false);
    }
    expect(shouldRetryQuery(0, new TypeError("Failed to fetch"))).toBe(false);
  });

  it("are tried again, a second apart, when an instance was lost under way (no answer, or the balancer's 502/504)", () => {
    const noAnswer = new TRPCClientError("Failed to fetch", { cause: new TypeError("Failed to fetch") });
    const badGateway = new TRPCClientError("Unable to transform response", { meta: { response: { status: 502 } } });
    const timeout = new TRPCClientError("Unable to transform response", { meta: { response: { status: 504 } } });
    for (const error of [noAnswer, badGateway, timeout]) {
      expect(shouldRetryQuery(0, error)).toBe(true);
      expect(shouldRetryQuery(3, error)).toBe(false);
      expect(queryRetryDelay(0, error)).toBe(1_000);
    }
    // The server's own 500 is an answer: not retried.
    expect(shouldRetryQuery(0, new TRPCClientError("Unable to transform response", { meta: { response: { status: 500 } } }))).toBe(false);
  });

  it("say in French that the service is briefly unavailable and retries", () => {
    const t = createTranslator("fr");
    expect(errorMessage(answered(503, "SERVICE_UNAVAILABLE"), t)).toBe("Le service est brièvement indisponible : nouvel essai automatique dans quelques secondes.");
    // The audit log's own 503 keeps its precise message.
    expect(errorMessage(answered(503, "SERVICE_UNAVAILABLE", "AUDIT_UNAVAILABLE"), t)).toMatch(/journal d'accès/);
    expect(errorMessage(answered(500, "INTERNAL_SERVER_ERROR"), t)).toBe("Une erreur est survenue. Réessayez.");
  });
});

import { describe, expect, it } from "vitest";
import { AUTH_MAX_BODY_BYTES, bodyRuleFor, DEFAULT_MAX_BODY_BYTES, FHIR_MAX_BODY_BYTES, judgeDeclaredBody, TRPC_MAX_BODY_BYTES } from "./body-limits";

const limits = { stowMaxBytes: 4096 * 1024 * 1024 };

describe("body rules per route", () => {
  it("gives each kind of route its own limit", () => {
    expect(bodyRuleFor("POST", "/api/auth/callback/credentials", limits).maxBytes).toBe(AUTH_MAX_BODY_BYTES);
    expect(bodyRuleFor("POST", "/api/trpc/requests.submit", limits).maxBytes).toBe(TRPC_MAX_BODY_BYTES);
    expect(bodyRuleFor("POST", "/dicomweb/studies", limits)).toEqual({ maxBytes: limits.stowMaxBytes, chunkedAllowed: true, longUpload: true });
    expect(bodyRuleFor("GET", "/dicomweb/studies", limits).maxBytes).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(bodyRuleFor("POST", "/fhir/R4/ServiceRequest", limits)).toEqual({ maxBytes: FHIR_MAX_BODY_BYTES, chunkedAllowed: false, longUpload: false });
    expect(bodyRuleFor("POST", "/requests/new", limits)).toEqual({ maxBytes: DEFAULT_MAX_BODY_BYTES, chunkedAllowed: false, longUpload: false });
  });
});

describe("judging a body from its headers", () => {
  const auth = bodyRuleFor("POST", "/api/auth/callback/credentials", limits);
  it("refuses a declared length over the limit with 413", () => {
    expect(judgeDeclaredBody(auth, { contentLength: String(AUTH_MAX_BODY_BYTES + 1), transferEncoding: undefined })).toMatchObject({ ok: false, status: 413 });
    expect(judgeDeclaredBody(auth, { contentLength: String(AUTH_MAX_BODY_BYTES), transferEncoding: undefined })).toEqual({ ok: true });
  });
  it("refuses a chunked body where the handler would read it whole, with 411", () => {
    expect(judgeDeclaredBody(auth, { contentLength: undefined, transferEncoding: "chunked" })).toMatchObject({ ok: false, status: 411 });
    expect(judgeDeclaredBody(bodyRuleFor("POST", "/dicomweb/studies", limits), { contentLength: undefined, transferEncoding: "chunked" })).toEqual({ ok: true });
  });
  it("answers 400 to a Content-Length that is not a number, and accepts no body at all", () => {
    expect(judgeDeclaredBody(auth, { contentLength: "12abc", transferEncoding: undefined })).toMatchObject({ ok: false, status: 400 });
    expect(judgeDeclaredBody(auth, { contentLength: undefined, transferEncoding: undefined })).toEqual({ ok: true });
  });
});

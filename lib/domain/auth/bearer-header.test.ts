import { describe, expect, it } from "vitest";
import { bearerChallenge, MAX_BEARER_TOKEN_LENGTH, parseBearerHeader } from "./bearer-header";

describe("parseBearerHeader", () => {
  it("reads an opaque or a JWT token, whatever the scheme's case", () => {
    expect(parseBearerHeader("Bearer abc-DEF_123.~+/=")).toEqual({ kind: "token", token: "abc-DEF_123.~+/=" });
    expect(parseBearerHeader("bearer eyJhbGciOi.eyJzdWIi.c2ln")).toEqual({ kind: "token", token: "eyJhbGciOi.eyJzdWIi.c2ln" });
  });

  it("tells an absent header from a malformed one", () => {
    expect(parseBearerHeader(undefined)).toEqual({ kind: "absent" });
    expect(parseBearerHeader("  ")).toEqual({ kind: "absent" });
    expect(parseBearerHeader("Basic dXNlcjpwYXNz")).toEqual({ kind: "malformed" });
    expect(parseBearerHeader("Bearer")).toEqual({ kind: "malformed" });
    expect(parseBearerHeader("Bearer two tokens")).toEqual({ kind: "malformed" });
    expect(parseBearerHeader("Bearer a\"b")).toEqual({ kind: "malformed" });
    expect(parseBearerHeader(`Bearer ${"a".repeat(MAX_BEARER_TOKEN_LENGTH + 1)}`)).toEqual({ kind: "malformed" });
  });
});

describe("bearerChallenge", () => {
  it("names the error as RFC 6750 asks, without letting a quote through", () => {
    expect(bearerChallenge("fhir")).toBe('Bearer realm="fhir"');
    expect(bearerChallenge("fhir", "invalid_token", 'the "token" expired')).toBe('Bearer realm="fhir", error="invalid_token", error_description="the token expired"');
  });
});

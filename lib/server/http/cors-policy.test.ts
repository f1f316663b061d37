import { describe, expect, it } from "vitest";
import { isPreflight, listedOrigin, parseCorsOrigins, preflightAnswer, responseCorsHeaders } from "./cors-policy";

const LIST = ["https://viewer.chu.fr", "http://127.0.0.1:8080"];

describe("the DICOMWEB_CORS_ORIGINS setting", () => {
  it("reads exact origins, empty meaning none", () => {
    expect(parseCorsOrigins(undefined)).toEqual({ ok: true, origins: [] });
    expect(parseCorsOrigins(" ")).toEqual({ ok: true, origins: [] });
    expect(parseCorsOrigins("https://viewer.chu.fr, http://127.0.0.1:8080,https://viewer.chu.fr")).toEqual({ ok: true, origins: LIST });
  });

  it("refuses a wildcard, a path, a trailing slash, a default port or another scheme, saying how to write it", () => {
    expect(parseCorsOrigins("*")).toMatchObject({ ok: false, message: expect.stringContaining("name each origin") });
    expect(parseCorsOrigins("null")).toMatchObject({ ok: false });
    expect(parseCorsOrigins("https://viewer.chu.fr/")).toMatchObject({ ok: false, message: expect.stringContaining("written https://viewer.chu.fr") });
    expect(parseCorsOrigins("https://viewer.chu.fr/ohif")).toMatchObject({ ok: false });
    expect(parseCorsOrigins("https://viewer.chu.fr:443")).toMatchObject({ ok: false, message: expect.stringContaining("https://viewer.chu.fr") });
    expect(parseCorsOrigins("https://Viewer.CHU.fr")).toMatchObject({ ok: false });
    expect(parseCorsOrigins("ftp://viewer.chu.fr")).toMatchObject({ ok: false, message: expect.stringContaining("http and https") });
    expect(parseCorsOrigins("viewer.chu.fr")).toMatchObject({ ok: false, message: expect.stringContaining("not an origin") });
  });
});

describe("origin matching", () => {
  it("matches exactly: no other scheme, port or sub-domain", () => {
    expect(listedOrigin("https://viewer.chu.fr", LIST)).toBe("https://viewer.chu.fr");
    expect(listedOrigin("http://viewer.chu.fr", LIST)).toBeNull();
    expect(listedOrigin("https://viewer.chu.fr:8443", LIST)).toBeNull();
    expect(listedOrigin("https://evil.viewer.chu.fr", LIST)).toBeNull();
    expect(listedOrigin("https://viewer.chu.fr.evil.example", LIST)).toBeNull();
    expect(listedOrigin("null", LIST)).toBeNull();
    expect(listedOrigin(undefined, LIST)).toBeNull();
  });
});

describe("the preflight", () => {
  it("is an OPTIONS with an Origin and the method to come", () => {
    expect(isPreflight("OPTIONS", { origin: "https://viewer.chu.fr", method: "GET" })).toBe(true);
    expect(isPreflight("OPTIONS", { origin: undefined, method: "GET" })).toBe(false);
    expect(isPreflight("OPTIONS", { origin: "https://viewer.chu.fr", method: undefined })).toBe(false);
    expect(isPreflight("GET", { origin: "https://viewer.chu.fr", method: "GET" })).toBe(false);
  });

  it("grants a listed origin reads with a bearer token, without credentials", () => {
    const answer = preflightAnswer({ origin: "https://viewer.chu.fr", method: "GET" }, LIST);
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      "Access-Control-Allow-Origin": "https://viewer.chu.fr",
      "Access-Control-Allow-Methods": "GET, HEAD",
      "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type",
      "Access-Control-Max-Age": "600",
    });
    expect(answer.headers.Vary).toContain("Origin");
    expect(answer.headers).not.toHaveProperty("Access-Control-Allow-Credentials");
  });

  it("refuses an unlisted origin with no CORS header", () => {
    const answer = preflightAnswer({ origin: "https://evil.example", method: "GET" }, LIST);
    expect(answer.status).toBe(403);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith("Access-Control-"))).toEqual([]);
  });
});

describe("the headers of an actual answer", () => {
  it("name the listed origin and what its script may read", () => {
    const headers = responseCorsHeaders("http://127.0.0.1:8080", LIST);
    expect(headers["Access-Control-Allow-Origin"]).toBe("http://127.0.0.1:8080");
    expect(headers["Access-Control-Expose-Headers"]).toContain("Content-Location");
    expect(headers["Access-Control-Expose-Headers"]).toContain("Warning");
    expect(headers.Vary).toBe("Origin");
    expect(headers).not.toHaveProperty("Access-Control-Allow-Credentials");
  });

  it("are only Vary for another origin, and nothing at all when CORS is off", () => {
    expect(responseCorsHeaders("https://evil.example", LIST)).toEqual({ Vary: "Origin" });
    expect(responseCorsHeaders(undefined, LIST)).toEqual({ Vary: "Origin" });
    expect(responseCorsHeaders("https://viewer.chu.fr", [])).toEqual({});
  });
});

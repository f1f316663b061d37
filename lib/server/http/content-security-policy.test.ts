import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { answerKindOf, newNonce, pagePolicy, websocketOriginsFor } from "./content-security-policy";
import { applySecurityHeaders } from "./security-headers";

function request(url: string, headers: Record<string, string> = {}): { req: IncomingMessage; res: ServerResponse } {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.method = "GET";
  req.headers = { host: "teleradio.example:3000", ...headers };
  return { req, res: new ServerResponse(req) };
}

describe("the Content-Security-Policy of each answer", () => {
  it("gives pages a strict script policy with a nonce, and no eval outside development", () => {
    const policy = pagePolicy({ nonce: "abc", dev: false, websocketOrigins: ["ws://h:1"] });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("connect-src 'self' ws://h:1");
    expect(pagePolicy({ nonce: "abc", dev: true, websocketOrigins: [] })).toContain("'unsafe-eval'");
  });

  it("draws a new 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("sorts paths into pages, static files and data", () => {
    expect(answerKindOf("/requests/new")).toBe("page");
    expect(answerKindOf("/_next/static/chunks/x.js")).toBe("static");
    expect(answerKindOf("/api/auth/session")).toBe("data");
    expect(answerKindOf("/dicomweb/studies")).toBe("data");
  });

  it("names the WebSocket origin only from a plain Host header", () => {
    expect(websocketOriginsFor("teleradio.example:3000", true)).toEqual(["wss://teleradio.example:3000"]);
    expect(websocketOriginsFor("[::1]:3000", false)).toEqual(["ws://[::1]:3000"]);
    expect(websocketOriginsFor("evil; script-src *", false)).toEqual([]);
    expect(websocketOriginsFor(undefined, false)).toEqual([]);
  });

  it("hands Next the page's policy in the request, replacing whatever the client sent, and a data policy to APIs", () => {
    const page = request("/worklist?x=1", { "content-security-policy": "script-src 'nonce-chosen-by-client'" });
    applySecurityHeaders(page.req, page.res, { trustProxy: false, patientData: false, dev: false });
    const sent = String(page.res.getHeader("content-security-policy"));
    expect(page.req.headers["content-security-policy"]).toBe(sent);
    expect(sent).not.toContain("chosen-by-client");
    expect(sent).toMatch(/'nonce-[A-Za-z0-9+/]+=*'/);

    const api = request("/api/trpc/worklist.list");
    applySecurityHeaders(api.req, api.res, { trustProxy: false, patientData: true, dev: false });
    expect(api.res.getHeader("content-security-policy")).toContain("default-src 'none'");
    expect(api.req.headers["content-security-policy"]).toBeUndefined();
    expect(api.res.getHeader("cache-control")).toBe("no-store");
  });
});

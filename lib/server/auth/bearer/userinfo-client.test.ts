import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { askUserinfo, forgetDiscovery } from "./userinfo-client";

// A small provider on loopback whose answers each test chooses: what the UserInfo client makes
// of a signed UserInfo, a discovery document of another issuer, and a provider in trouble.

let answer: (req: IncomingMessage, res: ServerResponse, issuer: string) => void;
let issuer: string;
const server = createServer((req, res) => answer(req, res, issuer));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => forgetDiscovery());

function provider(userinfo: (req: IncomingMessage, res: ServerResponse) => void, discoveredIssuer?: string) {
  answer = (req, res, self) => {
    if (req.url === "/.well-known/openid-configuration") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ issuer: discoveredIssuer ?? self, userinfo_endpoint: `${self}/me` }));
    } else userinfo(req, res);
  };
}

describe("askUserinfo", () => {
  it("sends the token and reads JSON claims", async () => {
    let seen = "";
    provider((req, res) => {
      seen = req.headers.authorization ?? "";
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ sub: "x", SubjectNameID: "810000000001" }));
    });
    expect(await askUserinfo(issuer, "tok-123")).toEqual({ kind: "claims", claims: { sub: "x", SubjectNameID: "810000000001" } });
    expect(seen).toBe("Bearer tok-123");
  });

  it("reads the payload of a signed UserInfo (application/jwt)", async () => {
    const payload = Buffer.from(JSON.stringify({ sub: "x", preferred_username: "810000000001" })).toString("base64url");
    provider((_req, res) => res.writeHead(200, { "content-type": "application/jwt" }).end(`eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln`));
    expect(await askUserinfo(issuer, "tok")).toMatchObject({ kind: "claims", claims: { preferred_username: "810000000001" } });
  });

  it("tells a refused token from a provider in trouble", async () => {
    provider((_req, res) => res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token", error_description="invalid token provided"' }).end());
    expect(await askUserinfo(issuer, "tok")).toEqual({ kind: "refused", detail: "invalid token provided" });
    provider((_req, res) => res.writeHead(502).end("bad gateway"));
    expect(await askUserinfo(issuer, "tok")).toMatchObject({ kind: "unavailable" });
    provider((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("[1,2]"));
    expect(await askUserinfo(issuer, "tok")).toMatchObject({ kind: "unavailable" });
  });

  it("does not trust a discovery document naming another issuer", async () => {
    provider((_req, res) => res.writeHead(200).end("{}"), "https://elsewhere.example");
    expect(await askUserinfo(issuer, "tok")).toMatchObject({ kind: "unavailable", detail: expect.stringContaining("another issuer") });
  });
});

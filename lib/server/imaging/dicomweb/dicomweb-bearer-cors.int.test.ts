import { randomBytes, randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { createSite, createUser } from "@/prisma/factories";
import { idNatOf, startTestOidcProvider, type TestOidcProvider } from "@/lib/testing/oidc/test-oidc-provider";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { randomIns, requestWithImages, uniquePatient, type RequestWithImages } from "@/lib/testing/viewer-fixtures";
import { loadActor } from "../../auth/load-actor";
import { BearerTokenCache } from "../../auth/bearer/bearer-token-cache";
import { forgetDiscovery } from "../../auth/bearer/userinfo-client";
import { isCrossSiteWrite } from "../../http/origin-check";
import { applySecurityHeaders } from "../../http/security-headers";
import { dicomwebBearerAuthenticator } from "./dicomweb-bearer";
import { createDicomwebHandler } from "./dicomweb-handler";

// An external viewer on another origin reads DICOMweb over HTTP with a user's access token from
// a real OpenID provider (shaped like Pro Santé Connect): the same scope as the user's session,
// CORS only for the listed origin, never the session cookie from another origin's page. The
// server is put together as lib/server/main.ts does for /dicomweb: security headers, the
// origin check of writes, the handler.

const db = connectTestDb();
const deps = testImageDeps(db);
const secret = randomBytes(32).toString("base64url");
const VIEWER = "http://127.0.0.1:4601";
const ELSEWHERE = "http://127.0.0.1:4602";
let provider: TestOidcProvider;
let server: Server;
let base = "";
let own = "";

type Who = "holder" | "otherSiteReader" | "referrer" | "referrerB" | "unknown";
const users = {} as Record<Who, { actor: Actor | null; rpps: string }>;
const tokens = {} as Record<Who, string>;
let cookieOfHolder = "";
let held: RequestWithImages;
let foreign: RequestWithImages;

const newRpps = () => `1${String(randomInt(0, 10 ** 9)).padStart(9, "0")}${randomInt(0, 10)}`;

beforeAll(async () => {
  provider = await startTestOidcProvider({ clients: [{ clientId: "viewer-it", clientSecret: "viewer-it-secret", redirectUris: ["http://127.0.0.1:9/cb"] }] });
  forgetDiscovery();
  const siteA = await createSite(db, "CH A");
  const siteB = await createSite(db, "CH B");
  const make = async (who: Who, role: Parameters<typeof createUser>[1]["role"], options: { siteId?: string; readsFor?: string[] } = {}) => {
    const rpps = newRpps();
    if (who === "unknown") users[who] = { actor: null, rpps };
    else {
      const user = await createUser(db, { role, ...options });
      await db.user.update({ where: { id: user.id }, data: { rpps } });
      users[who] = { actor: await actorOf(db, user.id), rpps };
    }
    tokens[who] = await provider.issueAccessToken(idNatOf(rpps));
  };
  await make("holder", "RADIOLOGIST", { readsFor: [siteA.id] });
  await make("otherSiteReader", "RADIOLOGIST", { readsFor: [siteB.id] });
  await make("referrer", "REFERRER", { siteId: siteA.id });
  await make("referrerB", "REFERRER", { siteId: siteB.id });
  await make("unknown", "REFERRER");
  cookieOfHolder = `next-auth.session-token=${await encode({ token: { uid: users.holder.actor!.id }, secret })}`;

  held = await requestWithImages(deps, { referrer: users.referrer.actor!, patient: uniquePatient({ ins: randomIns() }), studyDate: "20260110", holderId: users.holder.actor!.id, status: "IN_READING" });
  foreign = await requestWithImages(deps, { referrer: users.referrerB.actor!, patient: uniquePatient({ ins: randomIns() }), studyDate: "20260111", status: "SUBMITTED" });

  const authenticateBearer = dicomwebBearerAuthenticator({
    db,
    cache: new BearerTokenCache(),
    config: {
      issuer: provider.issuer,
      clientId: "teleradio",
      clientSecret: "unused",
      redirectUrl: "http://127.0.0.1:9/api/auth/callback/oidc",
      scope: "openid scope_all",
      acrValues: [],
      rppsClaims: ["SubjectNameID", "preferred_username"],
      displayName: "Pro Santé Connect",
    },
  });
  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 8 * 1024 * 1024, corsOrigins: [VIEWER], authenticateBearer });
  server = createServer((req, res) => {
    applySecurityHeaders(req, res, { trustProxy: false, patientData: false, dev: false });
    if (isCrossSiteWrite(req, { trustProxy: false })) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("request sent by another site's page");
      return;
    }
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  own = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `${own}/dicomweb`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await provider?.close();
});

const ACCEPT_JSON = "application/dicom+json";
const read = (path: string, headers: Record<string, string>) => fetch(`${base}${path}`, { headers: { Accept: ACCEPT_JSON, ...headers } });
const byViewer = (who: Who, path: string) => read(path, { Origin: VIEWER, Authorization: `Bearer ${tokens[who]}` });
const studyUids = async (response: Response) => ((await response.json()) as Record<string, { Value?: string[] }>[]).map((study) => study["0020000D"]?.Value?.[0]);

describe("the preflight of another origin's page", () => {
  it("grants the listed origin reads with Authorization, without credentials", async () => {
    const response = await fetch(`${base}/studies`, {
      method: "OPTIONS",
      headers: { Origin: VIEWER, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization,accept" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(VIEWER);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toContain("Origin");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("refuses an unlisted origin, with no CORS header for the browser to accept", async () => {
    const response = await fetch(`${base}/studies`, { method: "OPTIONS", headers: { Origin: ELSEWHERE, "Access-Control-Request-Method": "GET" } });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(((await response.json()) as { error: string }).error).toContain("DICOMWEB_CORS_ORIGINS");
  });

  it("does not offer STOW-RS, and a cross-origin POST is refused before the handler", async () => {
    const preflight = await fetch(`${base}/studies`, { method: "OPTIONS", headers: { Origin: VIEWER, "Access-Control-Request-Method": "POST" } });
    expect(preflight.headers.get("access-control-allow-methods")).not.toContain("POST");
    const post = await fetch(`${base}/studies`, { method: "POST", headers: { Origin: VIEWER, Authorization: `Bearer ${tokens.referrer}`, "Content-Type": 'multipart/related; type="application/dicom"; boundary=b' }, body: "--b--" });
    expect(post.status).toBe(403);
  });
});

describe("a user's access token on DICOMweb", () => {
  it("searches the studies the user may see, and only those, with the CORS headers of the listed origin", async () => {
    const response = await byViewer("holder", `/studies?limit=1000`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(VIEWER);
    expect(response.headers.get("access-control-expose-headers")).toContain("Content-Location");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    // The security headers of every data answer stay.
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    const uids = await studyUids(response);
    expect(uids).toContain(held.studyInstanceUid);
    expect(uids).not.toContain(foreign.studyInstanceUid);
    // Site B's referrer sees site B's request, not site A's.
    const other = await studyUids(await byViewer("referrerB", `/studies?limit=1000`));
    expect(other).toContain(foreign.studyInstanceUid);
    expect(other).not.toContain(held.studyInstanceUid);
  });

  it("retrieves the metadata and pixels of a study the user holds, and audits the read under the user's name", async () => {
    const since = new Date();
    const metadata = await byViewer("holder", `/studies/${held.studyInstanceUid}/metadata`);
    expect(metadata.status).toBe(200);
    expect((await metadata.json()) as unknown[]).toHaveLength(2);
    const frame = await read(`/studies/${held.studyInstanceUid}/series/${held.seriesInstanceUid}/instances/${held.sopInstanceUids[0]}/frames/1`, {
      Origin: VIEWER,
      Authorization: `Bearer ${tokens.holder}`,
      Accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*',
    });
    expect(frame.status).toBe(200);
    expect((await frame.arrayBuffer()).byteLength).toBeGreaterThan(32 * 32);
    const audited = () => db.auditLog.findMany({ where: { actorId: users.holder.actor!.id, action: "STUDY_READ", at: { gte: since } }, select: { detail: true } });
    await expect.poll(async () => (await audited()).map((row) => (row.detail as { resource: string }).resource).sort()).toEqual(["frames", "metadata"]);
  });

  it("answers a foreign study exactly like a missing one (404), with the CORS headers so the viewer can tell", async () => {
    const response = await byViewer("otherSiteReader", `/studies/${held.studyInstanceUid}/metadata`);
    expect(response.status).toBe(404);
    expect(response.headers.get("access-control-allow-origin")).toBe(VIEWER);
    expect((await byViewer("holder", `/studies/${foreign.studyInstanceUid}/metadata`)).status).toBe(404);
    expect((await byViewer("holder", "/studies/1.2.3.4.5.6/metadata")).status).toBe(404);
  });

  it("answers 401 with the Bearer challenge to a token the provider does not know, and audits it", async () => {
    const since = new Date();
    const response = await read("/studies", { Origin: VIEWER, Authorization: `Bearer ${randomBytes(32).toString("base64url")}` });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(response.headers.get("access-control-allow-origin")).toBe(VIEWER);
    await expect.poll(() => db.auditLog.count({ where: { action: "SIGN_IN_FAILED", at: { gte: since }, detail: { path: ["channel"], equals: "DICOMweb" } } })).toBe(1);
  });

  it("answers 401 to a revoked or expired token and 403 to an RPPS no account holds", async () => {
    const revoked = await provider.issueAccessToken(idNatOf(users.referrer.rpps));
    await provider.revokeAccessToken(revoked);
    expect((await read("/studies", { Authorization: `Bearer ${revoked}` })).status).toBe(401);
    const expired = await provider.issueAccessToken(idNatOf(users.referrer.rpps), { expired: true });
    expect((await read("/studies", { Authorization: `Bearer ${expired}` })).status).toBe(401);
    const unknown = await byViewer("unknown", "/studies");
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as { error: string }).error).toContain(users.unknown.rpps);
  });

  it("is judged alone: a session cookie beside a bad token does not let the request through", async () => {
    const response = await read("/studies", { Cookie: cookieOfHolder, Authorization: `Bearer ${randomBytes(32).toString("base64url")}` });
    expect(response.status).toBe(401);
  });

  it("does not store images (STOW-RS), even for a user who uploads from the request page", async () => {
    const response = await fetch(`${base}/studies`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens.referrer}`, "Content-Type": 'multipart/related; type="application/dicom"; boundary=b' },
      body: "--b--",
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain("reads DICOMweb only");
  });

  it("gives an unlisted origin's page no CORS header: the browser withholds the answer", async () => {
    const response = await read("/studies", { Origin: ELSEWHERE, Authorization: `Bearer ${tokens.holder}` });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("vary")).toContain("Origin");
    await response.arrayBuffer();
  });
});

describe("the session cookie and other origins", () => {
  it("answers 401 to a cross-origin request without a bearer token", async () => {
    const response = await read("/studies", { Origin: VIEWER });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(response.headers.get("access-control-allow-origin")).toBe(VIEWER);
  });

  it("never accepts the clinician's cookie from another origin's page, even a listed one or an image of the same site", async () => {
    const crossOrigin = await read("/studies", { Cookie: cookieOfHolder, Origin: VIEWER });
    expect(crossOrigin.status).toBe(401);
    expect(((await crossOrigin.json()) as { error: string }).error).toContain("bearer token");
    const thumbnail = `/studies/${held.studyInstanceUid}/series/${held.seriesInstanceUid}/thumbnail`;
    const image = await read(thumbnail, { Cookie: cookieOfHolder, "Sec-Fetch-Site": "same-site", Accept: "image/*" });
    expect(image.status).toBe(401);
    // Our own pages go on with the cookie.
    const ownPage = await read(thumbnail, { Cookie: cookieOfHolder, Origin: own, "Sec-Fetch-Site": "same-origin", Accept: "image/*" });
    expect(ownPage.status).toBe(200);
    expect(ownPage.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("without an OpenID provider", () => {
  it("knows no user tokens: an unknown bearer token is refused without asking anyone, as before", async () => {
    expect(dicomwebBearerAuthenticator({ db, config: null })).toBeUndefined();
    const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 1024 * 1024, authenticateBearer: dicomwebBearerAuthenticator({ db, config: null }) });
    const plain = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    try {
      const since = new Date();
      // A token of its own: the one used above is remembered for two seconds by the process.
      const token = await provider.issueAccessToken(idNatOf(users.holder.rpps));
      const response = await fetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/dicomweb/studies`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toBe("unknown, revoked or malformed bearer token");
      // CORS is off by default: no header at all.
      expect(response.headers.get("vary")).toBeNull();
      expect(await db.auditLog.count({ where: { action: "SIGN_IN_FAILED", at: { gte: since }, detail: { path: ["channel"], equals: "DICOMweb" } } })).toBe(0);
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});

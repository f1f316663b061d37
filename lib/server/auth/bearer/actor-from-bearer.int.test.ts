import { randomInt } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { idNatOf, startTestOidcProvider, type TestOidcProvider } from "@/lib/testing/oidc/test-oidc-provider";
import { connectTestDb } from "@/lib/testing/test-db";
import type { OidcConfig } from "../oidc/oidc-config";
import { actorFromBearer } from "./actor-from-bearer";
import { BearerTokenCache } from "./bearer-token-cache";
import { forgetDiscovery } from "./userinfo-client";

// Real access tokens of a real OpenID provider shaped like Pro Santé Connect, checked at its
// UserInfo endpoint, matched to real users in PostgreSQL.

const db = connectTestDb();
let provider: TestOidcProvider;
let config: OidcConfig;
let cache: BearerTokenCache;

beforeAll(async () => {
  provider = await startTestOidcProvider({ clients: [{ clientId: "ehr-it", clientSecret: "ehr-it-secret", redirectUris: ["http://127.0.0.1:9/cb"] }] });
  config = {
    issuer: provider.issuer,
    clientId: "teleradio",
    clientSecret: "unused",
    redirectUrl: "http://127.0.0.1:9/api/auth/callback/oidc",
    scope: "openid scope_all",
    acrValues: [],
    rppsClaims: ["SubjectNameID", "preferred_username"],
    displayName: "Pro Santé Connect",
  };
  forgetDiscovery();
});
afterAll(() => provider?.close());
beforeEach(() => {
  cache = new BearerTokenCache();
});

const newRpps = () => `1${String(randomInt(0, 10 ** 9)).padStart(9, "0")}${randomInt(0, 10)}`;
const bearer = (token: string) => `Bearer ${token}`;
const deps = () => ({ db, config, cache });

async function referrerWithRpps() {
  const site = await createSite(db);
  const user = await createUser(db, { role: "REFERRER", siteId: site.id });
  const rpps = newRpps();
  await db.user.update({ where: { id: user.id }, data: { rpps } });
  return { ...user, siteId: site.id, rpps };
}

async function lastRefusal(since: Date) {
  return db.auditLog.findFirst({ where: { action: "SIGN_IN_FAILED", at: { gte: since }, detail: { path: ["method"], equals: "BEARER" } }, orderBy: { id: "desc" } });
}

describe("actorFromBearer", () => {
  it("gives the user's Actor for a valid access token, as a session would", async () => {
    const user = await referrerWithRpps();
    const token = await provider.issueAccessToken(idNatOf(user.rpps));
    const outcome = await actorFromBearer(bearer(token), {}, deps());
    expect(outcome).toMatchObject({ ok: true, rpps: user.rpps, actor: { id: user.id, role: "REFERRER", siteId: user.siteId } });
    expect(cache.size).toBe(1);
  });

  it("refuses an expired token with 401 invalid_token, and audits it", async () => {
    const since = new Date();
    const user = await referrerWithRpps();
    const token = await provider.issueAccessToken(idNatOf(user.rpps), { expired: true });
    const outcome = await actorFromBearer(bearer(token), { address: "192.0.2.7", channel: "FHIR" }, deps());
    expect(outcome).toMatchObject({ ok: false, status: 401, reason: "INVALID_TOKEN" });
    expect(!outcome.ok && outcome.challenge).toContain('error="invalid_token"');
    const audit = await lastRefusal(since);
    expect(audit?.detail).toMatchObject({ method: "BEARER", reason: "INVALID_TOKEN", address: "192.0.2.7", channel: "FHIR" });
    expect(JSON.stringify(audit?.detail)).not.toContain(token);
  });

  it("refuses a revoked token (the provider is asked again once the short cache is gone)", async () => {
    const user = await referrerWithRpps();
    const token = await provider.issueAccessToken(idNatOf(user.rpps));
    expect((await actorFromBearer(bearer(token), {}, deps())).ok).toBe(true);
    await provider.revokeAccessToken(token);
    cache.clear();
    expect(await actorFromBearer(bearer(token), {}, deps())).toMatchObject({ ok: false, status: 401, reason: "INVALID_TOKEN" });
  });

  it("refuses a made-up token", async () => {
    expect(await actorFromBearer(bearer("not-a-token-of-this-provider-0123456789"), {}, deps())).toMatchObject({ ok: false, status: 401 });
  });

  it("answers 403 for an RPPS no account holds, and for a deactivated account", async () => {
    const since = new Date();
    const stranger = newRpps();
    const unknown = await actorFromBearer(bearer(await provider.issueAccessToken(idNatOf(stranger))), {}, deps());
    expect(unknown).toMatchObject({ ok: false, status: 403, reason: "UNKNOWN_USER" });
    expect((await lastRefusal(since))?.detail).toMatchObject({ reason: "UNKNOWN_USER", rpps: stranger });

    const user = await referrerWithRpps();
    const token = await provider.issueAccessToken(idNatOf(user.rpps));
    expect((await actorFromBearer(bearer(token), {}, deps())).ok).toBe(true);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    // The cached answer only says who the token is: the deactivation applies at once.
    const refused = await actorFromBearer(bearer(token), {}, deps());
    expect(refused).toMatchObject({ ok: false, status: 403, reason: "INACTIVE_USER" });
    expect((await lastRefusal(since))?.actorId).toBe(user.id);
  });

  it("says bearer tokens are not enabled without a provider, and tells an absent header apart", async () => {
    expect(await actorFromBearer(bearer("whatever-token-0123456789"), {}, { db, config: null, cache })).toMatchObject({ ok: false, status: 401, reason: "NOT_ENABLED", message: expect.stringContaining("not enabled") });
    expect(await actorFromBearer(undefined, {}, deps())).toMatchObject({ ok: false, status: 401, anonymous: true });
    expect(await actorFromBearer("Basic dXNlcjpwYXNz", {}, deps())).toMatchObject({ ok: false, status: 401, reason: "MALFORMED" });
  });

  it("answers 503, not 500, when the provider cannot be reached", async () => {
    const down = { ...config, issuer: "http://127.0.0.1:9" };
    expect(await actorFromBearer(bearer("some-token-0123456789abcdef"), {}, { db, config: down, cache })).toMatchObject({ ok: false, status: 503, reason: "PROVIDER_UNAVAILABLE" });
  });
});

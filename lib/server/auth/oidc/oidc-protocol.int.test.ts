import { randomInt } from "node:crypto";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createUser } from "@/prisma/factories";
import { CookieJarBrowser } from "@/lib/testing/oidc/cookie-jar-fetch";
import { startNextAuthTestServer, type NextAuthTestServer } from "@/lib/testing/oidc/next-auth-test-server";
import { idNatOf, startTestOidcProvider, type TestOidcProvider } from "@/lib/testing/oidc/test-oidc-provider";
import { connectTestDb } from "@/lib/testing/test-db";
import { NextRequest } from "next/server";
import { getDb } from "../../db/client";
import { handleAuthRoute } from "../handle-auth-route";

// The whole OpenID exchange over real HTTP: next-auth with the product's options on one side,
// a real OpenID provider shaped like Pro Santé Connect on the other, a browser in between.

// The environment is read once, when the modules load: the ports are chosen before.
const ports = vi.hoisted(() => {
  const app = 20_000 + Math.floor(Math.random() * 20_000);
  const provider = app + 1;
  Object.assign(process.env, {
    NEXTAUTH_URL: `http://127.0.0.1:${app}`,
    NEXTAUTH_SECRET: "integration-test-secret-of-at-least-32-characters",
    OIDC_ISSUER: `http://127.0.0.1:${provider}`,
    OIDC_CLIENT_ID: "teleradio-it",
    OIDC_CLIENT_SECRET: "teleradio-it-secret",
  });
  return { app, provider };
});

const db = connectTestDb();
let app: NextAuthTestServer;
let provider: TestOidcProvider;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  app = await startNextAuthTestServer(ports.app);
  provider = await startTestOidcProvider({ port: ports.provider, clients: [{ clientId: "teleradio-it", clientSecret: "teleradio-it-secret", redirectUris: [`${app.origin}/api/auth/callback/oidc`] }] });
});

afterAll(async () => {
  await Promise.all([app?.close(), provider?.close(), getDb().$disconnect()]);
  for (const name of ["NEXTAUTH_URL", "NEXTAUTH_SECRET", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[name];
});

const newRpps = () => `1${String(randomInt(0, 10 ** 9)).padStart(9, "0")}${randomInt(0, 10)}`;

async function radiologistWithRpps() {
  const user = await createUser(db, { role: "RADIOLOGIST" });
  const rpps = newRpps();
  await db.user.update({ where: { id: user.id }, data: { rpps } });
  return { ...user, rpps };
}

/** Asks next-auth to start the sign-in, as the sign-in button does; returns the provider's authorization URL. */
async function startSignIn(browser: CookieJarBrowser, authorizationParams: Record<string, string> = {}): Promise<URL> {
  const csrf = (await (await browser.request(`${app.origin}/api/auth/csrf`)).json()) as { csrfToken: string };
  const query = new URLSearchParams(authorizationParams).toString();
  const started = await browser.request(`${app.origin}/api/auth/signin/oidc${query ? `?${query}` : ""}`, {
    form: { csrfToken: csrf.csrfToken, callbackUrl: `${app.origin}/worklist`, json: "true" },
  });
  return new URL(((await started.json()) as { url: string }).url);
}

const backAtApp = (url: URL) => url.origin === app.origin;
const backAtPage = (url: URL) => url.origin === app.origin && !url.pathname.startsWith("/api/auth/callback");

/** At the provider's login page (and its consent page the first time): who, and how strongly. */
async function authenticate(browser: CookieJarBrowser, authorization: URL, idNat: string, options: { consent: boolean; stop: (url: URL) => boolean }) {
  const login = await browser.follow(authorization.toString());
  expect(await login.response.text()).toContain("Identifiant national");
  const afterLogin = await browser.follow(login.url.toString(), { form: { idnat: idNat, acr: "eidas1", login: "" } }, options.stop);
  if (!options.consent) return afterLogin;
  expect(await afterLogin.response.text()).toContain("openid scope_all");
  return browser.follow(afterLogin.url.toString(), { form: { consent: "" } }, options.stop);
}

async function sessionOf(browser: CookieJarBrowser) {
  const token = browser.cookie(app.origin, "next-auth.session-token");
  if (!token) return null;
  const payload = await decode({ token, secret: process.env.NEXTAUTH_SECRET! });
  return db.userSession.findUnique({ where: { id: String(payload?.sid) } });
}

describe("the OpenID exchange with a Pro Santé Connect-like provider", () => {
  it("asks for PKCE, state, nonce, scope_all and eidas1, and opens a strong OIDC session for the RPPS's account", async () => {
    const user = await radiologistWithRpps();
    const browser = new CookieJarBrowser();
    const authorization = await startSignIn(browser);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      response_type: "code",
      scope: "openid scope_all",
      acr_values: "eidas1",
      code_challenge_method: "S256",
      redirect_uri: `${app.origin}/api/auth/callback/oidc`,
    });
    for (const check of ["state", "nonce", "code_challenge"]) expect(authorization.searchParams.get(check)).toMatch(/.{20,}/);

    const end = await authenticate(browser, authorization, idNatOf(user.rpps), { consent: true, stop: backAtPage });
    expect(end.url.toString()).toBe(`${app.origin}/worklist`);
    const session = await sessionOf(browser);
    expect(session).toMatchObject({ userId: user.id, method: "OIDC", revokedAt: null });
    expect(session?.strongAt).toBeInstanceOf(Date);
  });

  it("refuses an answer carried to another browser (a stolen code): that browser has no PKCE verifier, state or nonce", async () => {
    const user = await radiologistWithRpps();
    const victim = new CookieJarBrowser();
    const callback = await authenticate(victim, await startSignIn(victim), idNatOf(user.rpps), { consent: true, stop: backAtApp });
    expect(callback.url.pathname).toBe("/api/auth/callback/oidc");

    const attacker = new CookieJarBrowser();
    const end = await attacker.follow(callback.url.toString(), {}, (url) => url.pathname === "/signin" || url.pathname === "/api/auth/error");
    expect(end.url.searchParams.get("error")).toBe("OAuthCallback");
    expect(await sessionOf(attacker)).toBeNull();
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an answer whose state was changed on the way", async () => {
    const user = await radiologistWithRpps();
    const browser = new CookieJarBrowser();
    const callback = await authenticate(browser, await startSignIn(browser), idNatOf(user.rpps), { consent: true, stop: backAtApp });
    callback.url.searchParams.set("state", "forged-state-value-of-some-length");
    const end = await browser.follow(callback.url.toString(), {}, (url) => url.pathname === "/signin" || url.pathname === "/api/auth/error");
    expect(end.url.searchParams.get("error")).toBe("OAuthCallback");
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("step-up with prompt=login and max_age=0: the provider asks again, and a new strong session replaces the old", async () => {
    const user = await radiologistWithRpps();
    const browser = new CookieJarBrowser();
    await authenticate(browser, await startSignIn(browser), idNatOf(user.rpps), { consent: true, stop: backAtPage });
    const first = await sessionOf(browser);

    const stepUp = await startSignIn(browser, { prompt: "login", max_age: "0" });
    expect(stepUp.searchParams.get("prompt")).toBe("login");
    expect(stepUp.searchParams.get("max_age")).toBe("0");
    const end = await authenticate(browser, stepUp, idNatOf(user.rpps), { consent: false, stop: backAtPage });
    expect(end.url.pathname).toBe("/worklist");

    const second = await sessionOf(browser);
    expect(second?.id).not.toBe(first?.id);
    expect(second).toMatchObject({ userId: user.id, method: "OIDC", revokedAt: null });
    expect(await db.userSession.findUnique({ where: { id: first!.id } })).toMatchObject({ revokedReason: "REPLACED" });
    expect(second!.strongAt!.getTime()).toBeGreaterThanOrEqual(first!.strongAt!.getTime());
  });

  it.each([
    ["access_denied", "CANCELLED"],
    ["temporarily_unavailable", "PROVIDER_ERROR"],
  ])("an error answer from the provider (%s) lands on the sign-in page as %s, and is audited", async (error, refusal) => {
    const address = `198.51.100.${randomInt(0, 256)}-${randomInt(0, 10 ** 9)}`;
    const request = new NextRequest(`${app.origin}/api/auth/callback/oidc?error=${error}&state=whatever`, { headers: { "x-teleradio-client-address": address } });
    const response = await handleAuthRoute(request, { params: Promise.resolve({ nextauth: ["callback", "oidc"] }) });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe(`OIDC_${refusal}`);
    const audit = await db.auditLog.findFirst({ where: { action: "SIGN_IN_FAILED", detail: { path: ["address"], equals: address } } });
    expect(audit?.detail).toMatchObject({ method: "OIDC", reason: refusal, step: "callback" });
  });

  // Last: it stops the provider.
  it("answers a provider that cannot be reached with next-auth's OAuthSignin code for the sign-in page, not a 500", async () => {
    await provider.close();
    const browser = new CookieJarBrowser();
    const csrf = (await (await browser.request(`${app.origin}/api/auth/csrf`)).json()) as { csrfToken: string };
    const started = await browser.request(`${app.origin}/api/auth/signin/oidc`, { form: { csrfToken: csrf.csrfToken, callbackUrl: `${app.origin}/worklist`, json: "true" } });
    expect(started.status).toBe(200);
    const url = new URL(((await started.json()) as { url: string }).url);
    expect(url.searchParams.get("error")).toBe("OAuthSignin");
  });
});

import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import type { OidcConfig } from "./oidc-config";
import { oidcStepUpFor } from "./oidc-step-up-availability";
import { signInWithOidc, type OidcSignInInput } from "./sign-in-with-oidc";

// Matching what Pro Santé Connect vouches for to the accounts the administrator created.

const db = connectTestDb();
const PSC = { rppsClaims: ["SubjectNameID", "preferred_username"], acrValues: ["eidas1"] };

/** A fresh RPPS number per test: the column is unique across the shared database. */
const newRpps = () => `1${String(randomInt(0, 10 ** 9)).padStart(9, "0")}${randomInt(0, 10)}`;

async function userWithRpps(options: { active?: boolean } = {}) {
  const user = await createUser(db, { role: "RADIOLOGIST" });
  const rpps = newRpps();
  await db.user.update({ where: { id: user.id }, data: { rpps, active: options.active ?? true } });
  return { ...user, rpps };
}

function input(claims: Record<string, unknown>, overrides: Partial<OidcSignInInput> = {}): OidcSignInInput {
  return { claims, policy: PSC, current: null, address: "192.0.2.10", userAgent: "vitest", sessionMaxAgeSeconds: 3600, idleTimeoutMs: 30 * 60_000, ...overrides };
}

const pscClaims = (rpps: string, extra: Record<string, unknown> = {}) => ({ sub: `f:wallet:${rpps}`, SubjectNameID: `8${rpps}`, acr: "eidas1", auth_time: Math.floor(Date.now() / 1000) - 20, ...extra });

async function lastAudit(reason?: string) {
  return db.auditLog.findFirst({ where: { action: reason ? "SIGN_IN_FAILED" : "SIGN_IN", ...(reason ? { detail: { path: ["reason"], equals: reason } } : {}) }, orderBy: { at: "desc" } });
}

describe("sign-in with Pro Santé Connect", () => {
  it("opens a strong OIDC session for the account whose RPPS the provider names, dated at the provider's auth_time", async () => {
    const user = await userWithRpps();
    const authTime = Math.floor(Date.now() / 1000) - 20;
    const outcome = await signInWithOidc(db, input(pscClaims(user.rpps, { auth_time: authTime })));
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id }, replacedSessionId: null });
    if (!outcome.ok) return;
    const session = await db.userSession.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session).toMatchObject({ userId: user.id, method: "OIDC", strongAt: new Date(authTime * 1000), address: "192.0.2.10" });
    const audit = await db.auditLog.findFirst({ where: { action: "SIGN_IN", actorId: user.id } });
    expect(audit?.detail).toMatchObject({ method: "OIDC", rpps: user.rpps, acr: "eidas1", session: outcome.sessionId });
  });

  it.each([
    ["an unknown RPPS", "UNKNOWN_RPPS", () => pscClaims(newRpps())],
    ["no RPPS claim at all", "MISSING_RPPS", () => ({ sub: "f:wallet:x", acr: "eidas1" })],
    ["an ADELI identifier instead of an RPPS", "MISSING_RPPS", () => ({ sub: "f:wallet:y", SubjectNameID: "0123456789", acr: "eidas1" })],
  ])("refuses %s and audits why", async (_label, reason, claims) => {
    const before = await db.userSession.count();
    expect(await signInWithOidc(db, input(claims()))).toEqual({ ok: false, refusal: reason });
    expect(await db.userSession.count()).toBe(before);
    expect((await lastAudit(reason))?.detail).toMatchObject({ method: "OIDC", reason, address: "192.0.2.10" });
  });

  it("refuses a deactivated account, naming it in the audit", async () => {
    const user = await userWithRpps({ active: false });
    expect(await signInWithOidc(db, input(pscClaims(user.rpps)))).toEqual({ ok: false, refusal: "INACTIVE_ACCOUNT" });
    expect(await db.auditLog.count({ where: { action: "SIGN_IN_FAILED", actorId: user.id, detail: { path: ["reason"], equals: "INACTIVE_ACCOUNT" } } })).toBe(1);
  });

  it.each([
    ["a weaker level", { acr: "eidas0" }],
    ["no acr", { acr: undefined }],
  ])("refuses %s than the required eidas1", async (_label, extra) => {
    const user = await userWithRpps();
    expect(await signInWithOidc(db, input(pscClaims(user.rpps, extra)))).toEqual({ ok: false, refusal: "INSUFFICIENT_ACR" });
    const audit = await db.auditLog.findFirst({ where: { action: "SIGN_IN_FAILED", actorId: user.id } });
    expect(audit?.detail).toMatchObject({ reason: "INSUFFICIENT_ACR", required: ["eidas1"] });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("identifies without proving strength when no level is configured (a provider that sends no acr)", async () => {
    const user = await userWithRpps();
    const outcome = await signInWithOidc(db, input(pscClaims(user.rpps, { acr: undefined }), { policy: { ...PSC, acrValues: [] } }));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect((await db.userSession.findUniqueOrThrow({ where: { id: outcome.sessionId } })).strongAt).toBeNull();
  });

  it("step-up: replaces the browser's live session of the same user with a fresh strong one, and revokes the old", async () => {
    const user = await userWithRpps();
    const first = await signInWithOidc(db, input(pscClaims(user.rpps, { auth_time: Math.floor(Date.now() / 1000) - 3600 })));
    if (!first.ok) throw new Error("first sign-in refused");
    const second = await signInWithOidc(db, input(pscClaims(user.rpps), { current: { userId: user.id, sessionId: first.sessionId } }));
    expect(second).toMatchObject({ ok: true, replacedSessionId: first.sessionId });
    if (!second.ok) return;
    const [old, fresh] = await Promise.all([first.sessionId, second.sessionId].map((id) => db.userSession.findUniqueOrThrow({ where: { id } })));
    expect(old).toMatchObject({ revokedReason: "REPLACED" });
    expect(fresh!.revokedAt).toBeNull();
    expect(fresh!.strongAt!.getTime()).toBeGreaterThan(old!.strongAt!.getTime());
    expect((await db.auditLog.findFirst({ where: { action: "SIGN_IN", actorId: user.id }, orderBy: { at: "desc" } }))?.detail).toMatchObject({ replaced: first.sessionId });
  });

  it("refuses a step-up that authenticates another person, and keeps the signed-in user's session", async () => {
    const signedIn = await userWithRpps();
    const other = await userWithRpps();
    const first = await signInWithOidc(db, input(pscClaims(signedIn.rpps)));
    if (!first.ok) throw new Error("first sign-in refused");
    expect(await signInWithOidc(db, input(pscClaims(other.rpps), { current: { userId: signedIn.id, sessionId: first.sessionId } }))).toEqual({ ok: false, refusal: "IDENTITY_MISMATCH" });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: first.sessionId } })).revokedAt).toBeNull();
    expect(await db.userSession.count({ where: { userId: other.id } })).toBe(0);
  });

  it("lets another person sign in when the browser's old session is already over", async () => {
    const before = await userWithRpps();
    const next = await userWithRpps();
    const first = await signInWithOidc(db, input(pscClaims(before.rpps)));
    if (!first.ok) throw new Error("first sign-in refused");
    await db.userSession.update({ where: { id: first.sessionId }, data: { revokedAt: new Date(), revokedReason: "SIGN_OUT" } });
    expect(await signInWithOidc(db, input(pscClaims(next.rpps), { current: { userId: before.id, sessionId: first.sessionId } }))).toMatchObject({ ok: true, user: { id: next.id }, replacedSessionId: null });
  });

  it("offers the step-up to accounts with an RPPS number, when a provider is configured", async () => {
    const config: OidcConfig = { issuer: "https://psc.test", clientId: "c", clientSecret: "s", redirectUrl: "https://x/api/auth/callback/oidc", scope: "openid scope_all", acrValues: ["eidas1"], rppsClaims: ["SubjectNameID"], displayName: "Pro Santé Connect" };
    const withRpps = await userWithRpps();
    const without = await createUser(db, { role: "RADIOLOGIST" });
    expect(await oidcStepUpFor(db, withRpps.id, config)).toEqual({ providerName: "Pro Santé Connect" });
    expect(await oidcStepUpFor(db, without.id, config)).toBeNull();
    expect(await oidcStepUpFor(db, withRpps.id, null)).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite, createUser, FACTORY_PASSWORD } from "@/prisma/factories";
import { startSmtpSink } from "@/lib/testing/smtp-sink";
import { actorOf, connectFreshTestDb, connectTestDb } from "@/lib/testing/test-db";
import { signInWithPassword } from "../../auth/sign-in-with-password";
import { createSessionChecker } from "../../auth/sessions/session-checker";
import { createMailer, type Mailer } from "../../mail/mailer";
import { changeOwnPassword } from "../my-account/change-own-password";
import { endOwnSession } from "../my-account/end-own-session";
import { listOwnSessions } from "../my-account/list-own-sessions";
import { createAccount } from "./create-account";
import { describeAccountLink } from "./describe-account-link";
import { ensureFirstAdminLink } from "./ensure-first-admin-link";
import { issueResetLink } from "./issue-reset-link";
import { listAccounts } from "./list-accounts";
import { redeemAccountLink } from "./redeem-account-link";
import { resetSecondFactors } from "./reset-second-factors";
import { setAccountActive } from "./set-account-active";
import { updateAccount } from "./update-account";

// Account administration as an administrator, a new user and an intruder meet it, against the
// real database and a real SMTP server.

const db = connectTestDb();
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: Mailer;
const baseUrl = "https://teleradio.test";
const address = "192.0.2.10";
const tokenOf = (url: string) => url.split("#")[1] ?? "";
const newPassphrase = "une phrase de passe assez longue";

beforeAll(async () => {
  smtp = await startSmtpSink();
  mailer = createMailer({ smtpUrl: smtp.url, from: "Teleradio <no-reply@teleradio.test>" });
});
afterAll(() => smtp.stop());

async function adminDeps() {
  const admin = await createUser(db, { role: "ADMIN" });
  return { db, actor: await actorOf(db, admin.id), mailer, baseUrl };
}

async function isLive(sessionId: string, userId: string) {
  // The checker answers the live session (with its method and strength), or null.
  return (await createSessionChecker(db, { idleTimeoutMs: 30 * 60_000 })(sessionId, userId)) !== null;
}

describe("account administration", () => {
  it("creates an account without a password, e-mails a one-time activation link that sets one, and the user signs in", async () => {
    const deps = await adminDeps();
    const site = await createSite(db);
    const email = `nouvelle.${Date.now()}@chu.test`;
    const created = await createAccount(deps, { email, displayName: "Dr Nouvelle Arrivée", role: "REFERRER", siteId: site.id, rpps: null });
    expect(created.mailed).toBe(true);
    const mail = smtp.received.find((m) => m.to.includes(email));
    expect(mail?.raw).toContain(tokenOf(created.link.url).slice(0, 20));

    // Before activation the account cannot sign in, whatever is typed.
    expect(await signInWithPassword(db, { credentials: { email, password: FACTORY_PASSWORD }, address })).toEqual({ ok: false, reason: "INVALID" });
    expect(await describeAccountLink({ db, token: tokenOf(created.link.url) })).toMatchObject({ usable: true, purpose: "ACTIVATION", email });

    // A refused password does not use the link up.
    await expect(redeemAccountLink({ db, input: { token: tokenOf(created.link.url), password: "motdepasse2026" } })).rejects.toMatchObject({ code: "PASSWORD_COMMON" });
    await expect(redeemAccountLink({ db, input: { token: tokenOf(created.link.url), password: "court" } })).rejects.toMatchObject({ code: "PASSWORD_TOO_SHORT" });
    await redeemAccountLink({ db, input: { token: tokenOf(created.link.url), password: newPassphrase } });
    await expect(redeemAccountLink({ db, input: { token: tokenOf(created.link.url), password: newPassphrase } })).rejects.toMatchObject({ code: "LINK_INVALID" });

    expect(await signInWithPassword(db, { credentials: { email, password: newPassphrase }, address })).toMatchObject({ ok: true });
    const audits = await db.auditLog.findMany({ where: { entityId: created.userId }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["ACCOUNT_CREATED", "PASSWORD_SET", "SIGN_IN"]));
  });

  it("refuses a taken e-mail or RPPS by name, and a referrer without a site", async () => {
    const deps = await adminDeps();
    const other = await createUser(db, { role: "RADIOLOGIST" });
    await expect(createAccount(deps, { email: other.email, displayName: "X", role: "RADIOLOGIST", siteId: null, rpps: null })).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
    const rpps = String(10_000_000_000 + Math.floor(Math.random() * 1e9));
    await createAccount(deps, { email: `a.${rpps}@chu.test`, displayName: "A", role: "RADIOLOGIST", siteId: null, rpps });
    await expect(createAccount(deps, { email: `b.${rpps}@chu.test`, displayName: "B", role: "RADIOLOGIST", siteId: null, rpps })).rejects.toMatchObject({ code: "RPPS_TAKEN" });
  });

  it("deactivation ends every session of the account at once and withdraws its links; reactivation does not revive them", async () => {
    const deps = await adminDeps();
    const user = await createUser(db, { role: "RADIOLOGIST" });
    const signedIn = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const link = await issueResetLink(deps, { userId: user.id });
    expect(await isLive(signedIn.sessionId, user.id)).toBe(true);

    expect(await setAccountActive(deps, { userId: user.id, active: false })).toEqual({ active: false, sessionsEnded: 1 });
    expect(await isLive(signedIn.sessionId, user.id)).toBe(false);
    expect(await describeAccountLink({ db, token: tokenOf(link.link.url) })).toEqual({ usable: false });
    expect(await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address })).toEqual({ ok: false, reason: "INVALID" });

    await setAccountActive(deps, { userId: user.id, active: true });
    expect(await isLive(signedIn.sessionId, user.id)).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: { in: ["ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED"] } } })).toBe(2);
  });

  it("an administrator cannot deactivate themselves", async () => {
    const deps = await adminDeps();
    await expect(setAccountActive(deps, { userId: deps.actor.id, active: false })).rejects.toMatchObject({ code: "SELF_DEACTIVATION" });
    expect((await db.user.findUnique({ where: { id: deps.actor.id }, select: { active: true } }))?.active).toBe(true);
  });

  it("a change of role or site ends the user's sessions; a change of name does not", async () => {
    const deps = await adminDeps();
    const site = await createSite(db);
    const user = await createUser(db, { role: "REFERRER", siteId: site.id });
    const signedIn = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const base = { userId: user.id, email: user.email, role: "REFERRER" as const, siteId: site.id, rpps: null };
    expect(await updateAccount(deps, { ...base, displayName: "Dr Renommée" })).toEqual({ updated: true, sessionsEnded: 0 });
    expect(await isLive(signedIn.sessionId, user.id)).toBe(true);
    const otherSite = await createSite(db);
    expect(await updateAccount(deps, { ...base, displayName: "Dr Renommée", siteId: otherSite.id })).toEqual({ updated: true, sessionsEnded: 1 });
    expect(await isLive(signedIn.sessionId, user.id)).toBe(false);
    const audit = await db.auditLog.findFirst({ where: { entityId: user.id, action: "ACCOUNT_UPDATED" }, orderBy: { id: "desc" }, select: { detail: true } });
    expect(audit?.detail).toMatchObject({ changed: ["siteId"], before: { siteId: site.id }, after: { siteId: otherSite.id } });
  });

  it("a reset link ends the account's sessions (someone else may hold one) and only the newest link works", async () => {
    const deps = await adminDeps();
    const user = await createUser(db, { role: "RADIOGRAPHER", siteId: (await createSite(db)).id });
    const signedIn = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const first = await issueResetLink(deps, { userId: user.id });
    const second = await issueResetLink(deps, { userId: user.id });
    expect(second.purpose).toBe("RESET");
    await expect(redeemAccountLink({ db, input: { token: tokenOf(first.link.url), password: newPassphrase } })).rejects.toMatchObject({ code: "LINK_INVALID" });
    await redeemAccountLink({ db, input: { token: tokenOf(second.link.url), password: newPassphrase } });
    expect(await isLive(signedIn.sessionId, user.id)).toBe(false);
    expect(await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address })).toEqual({ ok: false, reason: "INVALID" });
  });

  it("resets a user's second factors after a lost phone: factors and recovery codes gone, sessions ended, audited; administrators only", async () => {
    const deps = await adminDeps();
    const user = await createUser(db, { role: "RADIOLOGIST" });
    await db.totpFactor.create({ data: { userId: user.id, secretEnc: "sealed-secret", confirmedAt: new Date() } });
    await db.passkey.create({ data: { userId: user.id, name: "clé USB", credentialId: `cred-${user.id}`, publicKey: Buffer.from([1, 2, 3]), deviceType: "singleDevice" } });
    await db.recoveryCode.createMany({ data: [{ userId: user.id, codeHash: "a".repeat(64) }, { userId: user.id, codeHash: "b".repeat(64) }] });
    const signedIn = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address });
    const sessionId = await db.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000), method: "PASSWORD_TOTP" }, select: { id: true } });
    expect(signedIn.ok).toBe(false); // an account with a factor gets no session from a password alone
    expect((await listAccounts(deps)).find((row) => row.id === user.id)?.factors).toEqual({ totp: true, passkeys: 1 });

    const referrer = await createUser(db, { role: "REFERRER" });
    await expect(resetSecondFactors({ ...deps, actor: await actorOf(db, referrer.id) }, { userId: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await resetSecondFactors(deps, { userId: user.id })).toEqual({ removed: { totp: 1, passkeys: 1, recoveryCodes: 2 }, sessionsEnded: 1 });
    expect(await isLive(sessionId.id, user.id)).toBe(false);
    expect(await db.totpFactor.count({ where: { userId: user.id } }) + (await db.passkey.count({ where: { userId: user.id } })) + (await db.recoveryCode.count({ where: { userId: user.id } }))).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "SECOND_FACTORS_RESET", actorId: deps.actor.id } })).toBe(1);
    // Nothing left to reset: nothing ended, nothing audited again.
    expect(await resetSecondFactors(deps, { userId: user.id })).toEqual({ removed: { totp: 0, passkeys: 0, recoveryCodes: 0 }, sessionsEnded: 0 });
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "SECOND_FACTORS_RESET" } })).toBe(1);
  });

  it("lists accounts for an administrator only", async () => {
    const deps = await adminDeps();
    const rows = await listAccounts(deps);
    expect(rows.some((row) => row.id === deps.actor.id && row.role === "ADMIN" && row.passwordSet)).toBe(true);
    const referrer = await createUser(db, { role: "REFERRER" });
    await expect(listAccounts({ db, actor: await actorOf(db, referrer.id) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createAccount({ ...deps, actor: await actorOf(db, referrer.id) }, { email: "x@chu.test", displayName: "X", role: "ADMIN", siteId: null, rpps: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("one's own account", () => {
  it("changing one's password asks the current one, applies the policy and ends the other sessions only", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    const actor = await actorOf(db, user.id);
    const here = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address });
    const elsewhere = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address });
    if (!here.ok || !elsewhere.ok) throw new Error("sign-in failed");
    await expect(changeOwnPassword({ db, actor, sessionId: here.sessionId, currentPassword: "wrong", newPassword: newPassphrase })).rejects.toMatchObject({ code: "CURRENT_PASSWORD_WRONG" });
    await expect(changeOwnPassword({ db, actor, sessionId: here.sessionId, currentPassword: FACTORY_PASSWORD, newPassword: "password12345" })).rejects.toMatchObject({ code: "PASSWORD_COMMON" });
    expect(await changeOwnPassword({ db, actor, sessionId: here.sessionId, currentPassword: FACTORY_PASSWORD, newPassword: newPassphrase })).toEqual({ sessionsEnded: 1 });
    expect(await isLive(here.sessionId, user.id)).toBe(true);
    expect(await isLive(elsewhere.sessionId, user.id)).toBe(false);
  });

  it("lists one's live sessions, marks the current one, and ends another; someone else's session is not found", async () => {
    const user = await createUser(db, { role: "REFERRER" });
    const actor = await actorOf(db, user.id);
    const a = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address, userAgent: "Firefox" });
    const b = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address, userAgent: "Chromium" });
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    const sessions = await listOwnSessions({ db, actor, sessionId: a.sessionId, idleTimeoutMs: 30 * 60_000 });
    expect(sessions.map((s) => [s.userAgent, s.current])).toEqual(expect.arrayContaining([["Firefox", true], ["Chromium", false]]));
    await endOwnSession({ db, actor, sessionId: b.sessionId });
    expect(await isLive(b.sessionId, user.id)).toBe(false);
    const stranger = await createUser(db, { role: "REFERRER" });
    await expect(endOwnSession({ db, actor: await actorOf(db, stranger.id), sessionId: a.sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await isLive(a.sessionId, user.id)).toBe(true);
  });
});

describe("an installation on its own database", () => {
  const fresh = connectFreshTestDb("first_admin");

  it("starts with a one-time link that creates the first administrator, then no more links, and keeps that administrator", async () => {
    const db = fresh.current();
    const first = await ensureFirstAdminLink(db, baseUrl);
    const second = await ensureFirstAdminLink(db, baseUrl);
    if (!first || !second) throw new Error("no link");
    // Each start withdraws the previous link: only the one printed last works.
    expect(await describeAccountLink({ db, token: tokenOf(first.url) })).toEqual({ usable: false });
    await expect(redeemAccountLink({ db, input: { token: tokenOf(second.url), password: newPassphrase } })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await redeemAccountLink({ db, input: { token: tokenOf(second.url), password: newPassphrase, email: "dsi@chu.test", displayName: "Équipe DSI" } });
    expect(await ensureFirstAdminLink(db, baseUrl)).toBeNull();
    const admin = await db.user.findUniqueOrThrow({ where: { email: "dsi@chu.test" }, select: { id: true, role: true } });
    expect(admin.role).toBe("ADMIN");
    expect((await signInWithPassword(db, { credentials: { email: "dsi@chu.test", password: newPassphrase }, address })).ok).toBe(true);

    // The only administrator can neither lose the role nor be deactivated by another account.
    const actor = await actorOf(db, admin.id);
    const deps = { db, actor, mailer, baseUrl };
    await expect(updateAccount(deps, { userId: admin.id, email: "dsi@chu.test", displayName: "Équipe DSI", role: "DEPARTMENT_HEAD", siteId: null, rpps: null })).rejects.toMatchObject({ code: "LAST_ADMIN" });
  });
});

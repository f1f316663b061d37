import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/domain/errors";
import { connectTestDb } from "@/lib/testing/test-db";
import { createUser, FACTORY_PASSWORD } from "@/prisma/factories";
import { confirmTotpEnrolment } from "../services/security/confirm-totp-enrolment";
import { startTotpEnrolment } from "../services/security/start-totp-enrolment";
import { createCaller } from "../trpc/app-router";
import { createActorResolvers } from "./actor-batch-loader";
import { openSession } from "./sessions/open-session";
import { createSessionChecker } from "./sessions/session-checker";
import { signInWithPassword } from "./sign-in-with-password";
import { signInWithSecondFactor } from "./sign-in-with-second-factor";

// The second step of a sign-in, against a real PostgreSQL; codes computed with otplib as an
// authenticator app would.

process.env.SECOND_FACTOR_KEY ??= randomBytes(32).toString("base64");
const db = connectTestDb(6);
const newAddress = () => `203.0.113.${randomBytes(1)[0]}-${randomBytes(4).toString("hex")}`;
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** A radiologist with a confirmed TOTP, enrolled at `base`; returns the secret and recovery codes. */
async function enrolledRadiologist(base: Date) {
  const user = await createUser(db, { role: "RADIOLOGIST" });
  const sessionId = await db.$transaction((tx) => openSession(tx, { userId: user.id, maxAgeSeconds: 3600, address: null, userAgent: null, now: base }));
  const self = { userId: user.id, sessionId, method: "PASSWORD" as const };
  const { secret } = await startTotpEnrolment({ db, self });
  const { recoveryCodes } = await confirmTotpEnrolment({ db, self, code: await codeAt(secret, base), now: base });
  return { user, secret, recoveryCodes: recoveryCodes!, self };
}

async function passwordStep(email: string, address: string, at: Date) {
  const outcome = await signInWithPassword(db, { credentials: { email, password: FACTORY_PASSWORD }, address }, () => at);
  if (outcome.ok || outcome.reason !== "SECOND_FACTOR") throw new Error(`expected the second step, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe("sign-in with a second factor", () => {
  it("asks for the factor after a right password, opens no session before it, and opens a strong one after a right code", async () => {
    const base = new Date();
    const { user, secret } = await enrolledRadiologist(base);
    const address = newAddress();
    const at = new Date(base.getTime() + 90_000);
    const step = await passwordStep(user.email, address, at);
    expect(step).toMatchObject({ totp: true, passkey: false });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(1); // only the enrolment's

    const wrong = await signInWithSecondFactor(db, { ticket: step.ticket, proof: { kind: "TOTP", code: "000000" }, address, rp: null }, () => at);
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "SIGN_IN_SECOND_FACTOR_FAILED" } })).toBe(1);
    expect(await db.signInThrottle.findUnique({ where: { scope_key: { scope: "ACCOUNT", key: user.email } } })).toMatchObject({ failures: 1 });

    const right = await signInWithSecondFactor(db, { ticket: step.ticket, proof: { kind: "TOTP", code: await codeAt(secret, at) }, address, rp: null }, () => at);
    expect(right.ok).toBe(true);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: right.ok ? right.sessionId : "" } });
    expect(session).toMatchObject({ method: "PASSWORD_TOTP", strongAt: at });
    // The failures are forgotten only now, and the ticket is spent.
    expect(await db.signInThrottle.count({ where: { scope: "ACCOUNT", key: user.email } })).toBe(0);
    const again = await signInWithSecondFactor(db, { ticket: step.ticket, proof: { kind: "TOTP", code: await codeAt(secret, at) }, address, rp: null }, () => at);
    expect(again).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("never accepts the same code twice, accepts one step either side, and refuses two steps away", async () => {
    const base = new Date();
    const { user, secret } = await enrolledRadiologist(base);
    const address = newAddress();
    const at = new Date(base.getTime() + 120_000);
    const code = await codeAt(secret, at);
    const first = await signInWithSecondFactor(db, { ticket: (await passwordStep(user.email, address, at)).ticket, proof: { kind: "TOTP", code }, address, rp: null }, () => at);
    expect(first.ok).toBe(true);
    const replay = await signInWithSecondFactor(db, { ticket: (await passwordStep(user.email, address, at)).ticket, proof: { kind: "TOTP", code }, address, rp: null }, () => at);
    expect(replay).toEqual({ ok: false, reason: "INVALID" });
    // The previous step's code, 30 s later: accepted (the next step's code of the one just used).
    const later = new Date(at.getTime() + 60_000);
    const previous = await codeAt(secret, new Date(later.getTime() - 30_000));
    expect((await signInWithSecondFactor(db, { ticket: (await passwordStep(user.email, address, later)).ticket, proof: { kind: "TOTP", code: previous }, address, rp: null }, () => later)).ok).toBe(true);
    const muchLater = new Date(later.getTime() + 300_000);
    const stale = await codeAt(secret, new Date(muchLater.getTime() - 60_000));
    expect(await signInWithSecondFactor(db, { ticket: (await passwordStep(user.email, address, muchLater)).ticket, proof: { kind: "TOTP", code: stale }, address, rp: null }, () => muchLater)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("accepts each recovery code once, in any case and with or without dashes", async () => {
    const base = new Date();
    const { user, recoveryCodes } = await enrolledRadiologist(base);
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes[0]).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    const address = newAddress();
    const typed = recoveryCodes[0]!.replaceAll("-", "").toLowerCase();
    const once = await signInWithSecondFactor(db, { ticket: (await passwordStep(user.email, address, base)).ticket, proof: { kind: "RECOVERY", code: typed }, address, rp: null }, () => base);
    expect(once.ok).toBe(true);
    const twice = await signInWithSecondFactor(db, { ticket: (await passwordStep(user.email, address, base)).ticket, proof: { kind: "RECOVERY", code: recoveryCodes[0]! }, address, rp: null }, () => base);
    expect(twice).toEqual({ ok: false, reason: "INVALID" });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "RECOVERY_CODE_USED" } })).toBe(1);
  });

  it("counts wrong codes with wrong passwords: the right password typed again between them does not reset the count, and the tenth locks", async () => {
    const base = new Date();
    const { user } = await enrolledRadiologist(base);
    let clock = base.getTime();
    const later = () => new Date((clock += 70_000));
    for (let i = 0; i < 10; i++) {
      const address = newAddress();
      const at = later();
      const step = await passwordStep(user.email, address, at);
      expect(await signInWithSecondFactor(db, { ticket: step.ticket, proof: { kind: "TOTP", code: "123456" }, address, rp: null }, () => at)).toEqual({ ok: false, reason: "INVALID" });
    }
    const locked = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address: newAddress() }, later);
    expect(locked).toMatchObject({ ok: false, reason: "LOCKED" });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "SIGN_IN_SECOND_FACTOR_FAILED" } })).toBe(10);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "SIGN_IN_LOCKED" } })).toBe(1);
  });

  it("refuses a made-up or malformed ticket without a session", async () => {
    const address = newAddress();
    expect(await signInWithSecondFactor(db, { ticket: "x".repeat(43), proof: { kind: "TOTP", code: "123456" }, address, rp: null })).toEqual({ ok: false, reason: "EXPIRED" });
    expect(await signInWithSecondFactor(db, { ticket: { evil: true }, proof: null, address, rp: null })).toEqual({ ok: false, reason: "EXPIRED" });
  });
});

describe("the per-role policy", () => {
  const policy = { roles: ["RADIOLOGIST", "DEPARTMENT_HEAD", "ADMIN"] as const, demo: false };

  it("keeps a password-only radiologist to the enrolment until a factor is confirmed, with a clear refusal elsewhere, and audits it", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    const outcome = await signInWithPassword(db, { credentials: { email: user.email, password: FACTORY_PASSWORD }, address: newAddress(), policy });
    if (!outcome.ok) throw new Error("expected a session");
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "SECOND_FACTOR_ENROLMENT_REQUIRED" } })).toBe(1);

    const { resolveActor, resolveSession } = createActorResolvers(db, createSessionChecker(db, { idleTimeoutMs: 30 * 60_000 }), policy);
    const resolved = await resolveSession(user.id, outcome.sessionId);
    expect(resolved?.reach).toBe("ENROLMENT_ONLY");
    // DICOMweb and the socket see nobody.
    expect(await resolveActor(user.id, { id: outcome.sessionId })).toBeNull();

    const ctx = () =>
      resolveSession(user.id, outcome.sessionId).then((r) => ({
        db,
        actor: r?.reach === "FULL" ? r.actor : null,
        session: r ? { id: r.session.id, user: r.actor, method: r.session.method, strongAt: r.session.strongAt, reach: r.reach } : null,
      }));
    const caller = createCaller(await ctx());
    const refused = await caller.worklist.list({}).then(() => null, (e: unknown) => e as { code: string; cause: unknown });
    expect(refused?.code).toBe("FORBIDDEN");
    expect((refused?.cause as AppError).code).toBe("SECOND_FACTOR_REQUIRED");
    expect(await caller.security.factors()).toMatchObject({ totp: "NONE", passkeys: [] });

    const { secret } = await caller.security.startTotp();
    const { recoveryCodes } = await caller.security.confirmTotp({ code: await codeAt(secret, new Date()) });
    expect(recoveryCodes).toHaveLength(10);
    const after = await resolveSession(user.id, outcome.sessionId);
    expect(after).toMatchObject({ reach: "FULL", session: { method: "PASSWORD_TOTP" } });
    expect(after?.session.strongAt).toBeInstanceOf(Date);
    await expect(createCaller(await ctx()).worklist.list({})).resolves.toBeDefined();
  });

  it("lets a referrer through with a password, and anyone in demo mode", async () => {
    const referrer = await createUser(db, { role: "REFERRER" });
    const radiologist = await createUser(db, { role: "RADIOLOGIST" });
    const open = (userId: string) => db.$transaction((tx) => openSession(tx, { userId, maxAgeSeconds: 3600, address: null, userAgent: null, now: new Date() }));
    const strict = createActorResolvers(db, createSessionChecker(db, { idleTimeoutMs: 30 * 60_000 }), policy).resolveSession;
    const demo = createActorResolvers(db, createSessionChecker(db, { idleTimeoutMs: 30 * 60_000 }), { ...policy, demo: true }).resolveSession;
    expect((await strict(referrer.id, await open(referrer.id)))?.reach).toBe("FULL");
    expect((await demo(radiologist.id, await open(radiologist.id)))?.reach).toBe("FULL");
  });
});

describe("bad input to the security procedures", () => {
  it("answers 400 to a malformed code, factor or passkey answer, and 401 without a session", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    const sessionId = await db.$transaction((tx) => openSession(tx, { userId: user.id, maxAgeSeconds: 3600, address: null, userAgent: null, now: new Date() }));
    const actor = (await createActorResolvers(db, createSessionChecker(db, { idleTimeoutMs: 60_000 }), { roles: [], demo: true }).resolveSession(user.id, sessionId))!;
    const caller = createCaller({ db, actor: actor.actor, session: { id: sessionId, user: actor.actor, method: "PASSWORD", strongAt: null, reach: "FULL" } });
    const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, (e: { code?: string }) => e.code);
    expect(await statusOf(caller.security.confirmTotp({ code: "12ab56" }))).toBe("BAD_REQUEST");
    expect(await statusOf(caller.security.removeFactor({ factor: { kind: "PASSKEY", passkeyId: "nope" }, confirmation: { kind: "PASSWORD", password: "x" } } as never))).toBe("BAD_REQUEST");
    expect(await statusOf(caller.security.registerPasskey({ name: "", response: {} } as never))).toBe("BAD_REQUEST");
    expect(await statusOf(caller.security.signInPasskeyOptions({ ticket: "x".repeat(43) }))).toBe("BAD_REQUEST");
    expect(await statusOf(caller.security.confirmTotp({ code: "123456" }))).toBe("CONFLICT");
    expect(await statusOf(createCaller({ db, actor: null }).security.factors())).toBe("UNAUTHORIZED");
  });
});

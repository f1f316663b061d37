import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import { connectTestDb } from "@/lib/testing/test-db";
import { createUser, FACTORY_PASSWORD } from "@/prisma/factories";
import { openSession } from "../../auth/sessions/open-session";
import { getReportPanel } from "../reports/get-report-panel";
import { requestReadyToRead } from "../reports/report-test-kit";
import { saveDraft } from "../reports/save-draft";
import { signReport } from "../reports/sign-report";
import { startReading } from "../reports/start-reading";
import { confirmTotpEnrolment } from "./confirm-totp-enrolment";
import { listFactors } from "./list-factors";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { removeFactor } from "./remove-factor";
import { startTotpEnrolment } from "./start-totp-enrolment";

// The account's own factors and the signature's step-up, against a real PostgreSQL.

process.env.SECOND_FACTOR_KEY ??= randomBytes(32).toString("base64");
const db = connectTestDb(6);
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function selfOf(userId: string, now = new Date()) {
  const sessionId = await db.$transaction((tx) => openSession(tx, { userId, maxAgeSeconds: 3600, address: null, userAgent: null, now }));
  return { userId, sessionId, method: "PASSWORD" as const };
}

describe("TOTP enrolment and removal", () => {
  it("stores the secret encrypted, confirms only with a valid code, and upgrades the session it was done from", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    const self = await selfOf(user.id);
    const started = await startTotpEnrolment({ db, self });
    expect(started.uri).toContain(`secret=${started.secret}`);
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretEnc).not.toContain(started.secret);
    expect(row.confirmedAt).toBeNull();
    expect((await listFactors({ db, self })).totp).toBe("PENDING");

    expect((await errorOf(confirmTotpEnrolment({ db, self, code: "000000" }))).code).toBe("SECOND_FACTOR_INVALID");
    const now = new Date();
    const { recoveryCodes } = await confirmTotpEnrolment({ db, self, code: await codeAt(started.secret, now), now });
    expect(recoveryCodes).toHaveLength(10);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: self.sessionId } })).toMatchObject({ method: "PASSWORD_TOTP", strongAt: now });
    expect(await listFactors({ db, self })).toMatchObject({ totp: "ENROLLED", recoveryCodesLeft: 10 });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "SECOND_FACTOR_ENROLLED" } })).toBe(1);
    // An enrolled authenticator is not replaced behind the user's back.
    expect((await errorOf(startTotpEnrolment({ db, self }))).code).toBe("INVALID_TRANSITION");
  });

  it("removes the factor only with the password or a current code, then drops recovery codes and the session's strength", async () => {
    const user = await createUser(db, { role: "RADIOLOGIST" });
    const self = await selfOf(user.id);
    const { secret } = await startTotpEnrolment({ db, self });
    const t0 = new Date();
    await confirmTotpEnrolment({ db, self, code: await codeAt(secret, t0), now: t0 });
    const strong = { ...self, method: "PASSWORD_TOTP" as const };

    const wrong = await errorOf(removeFactor({ db, self: strong, factor: { kind: "TOTP" }, confirmation: { kind: "PASSWORD", password: "not-it" } }));
    expect(wrong.code).toBe("SECOND_FACTOR_INVALID");
    const t1 = new Date(t0.getTime() + 60_000);
    const regenerated = await regenerateRecoveryCodes({ db, self: strong, confirmation: { kind: "TOTP", code: await codeAt(secret, t1) }, now: t1 });
    expect(regenerated.recoveryCodes).toHaveLength(10);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "RECOVERY_CODES_REGENERATED" } })).toBe(1);

    await removeFactor({ db, self: strong, factor: { kind: "TOTP" }, confirmation: { kind: "PASSWORD", password: FACTORY_PASSWORD } });
    expect(await listFactors({ db, self })).toMatchObject({ totp: "NONE", recoveryCodesLeft: 0 });
    expect(await db.userSession.findUniqueOrThrow({ where: { id: self.sessionId } })).toMatchObject({ method: "PASSWORD", strongAt: null });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "SECOND_FACTOR_REMOVED" } })).toBe(1);
    // Another user's passkey id answers like a missing one.
    const other = await errorOf(removeFactor({ db, self: strong, factor: { kind: "PASSKEY", passkeyId: crypto.randomUUID() }, confirmation: { kind: "PASSWORD", password: FACTORY_PASSWORD } }));
    expect(other.code).toBe("NOT_FOUND");
  });
});

describe("signature step-up", () => {
  async function draftReadyToSign() {
    const t = await requestReadyToRead(db);
    await startReading({ db, actor: t.radiologist, requestId: t.requestId });
    const draft = (await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId })).draft!;
    const filled: ReportValues = { ...draft.values };
    for (const section of draft.definition.sections) {
      for (const field of section.fields) {
        if (!field.required || (filled[field.id] !== null && filled[field.id] !== "")) continue;
        filled[field.id] = field.kind === "text" ? `Texte ${field.id}` : field.kind === "choice" ? field.options[0]! : field.kind === "yesno" ? false : field.kind === "score" ? field.max : 12.5;
      }
    }
    const saved = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: draft.id, draftVersion: draft.draftVersion, values: filled } });
    return { ...t, draft, draftVersion: saved.draftVersion };
  }

  it("asks a radiologist with a factor for a current code, not the password, and freshens the session's strength", async () => {
    const t = await draftReadyToSign();
    const self = await selfOf(t.radiologist.id);
    const { secret } = await startTotpEnrolment({ db, self });
    const t0 = new Date();
    await confirmTotpEnrolment({ db, self, code: await codeAt(secret, t0), now: t0 });
    const session = { id: self.sessionId, method: "PASSWORD_TOTP" as const, strongAt: t0 };
    const base = { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion };

    // The password alone is refused, even right and even with a strong session a second old.
    const byPassword = await errorOf(signReport({ db, actor: t.radiologist, input: { ...base, password: FACTORY_PASSWORD }, session, now: new Date(t0.getTime() + 1000) }));
    expect(byPassword.code).toBe("REAUTH_FAILED");
    const t1 = new Date(t0.getTime() + 60_000);
    const byWrongCode = await errorOf(signReport({ db, actor: t.radiologist, input: { ...base, proof: { kind: "TOTP", code: "000000" } }, session, now: t1 }));
    expect(byWrongCode.code).toBe("SECOND_FACTOR_INVALID");
    expect(await db.auditLog.count({ where: { actorId: t.radiologist.id, action: "REPORT_REAUTH_FAILED" } })).toBe(2);

    const signed = await signReport({ db, actor: t.radiologist, input: { ...base, proof: { kind: "TOTP", code: await codeAt(secret, t1) } }, session, now: t1 });
    expect(signed.alreadySigned).toBe(false);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: self.sessionId } })).strongAt).toEqual(t1);
  });

  it("accepts a Pro Santé Connect session's recent step-up, refuses an old one, and keeps the password for accounts without any factor", async () => {
    const t = await draftReadyToSign();
    const base = { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion };
    const now = new Date();
    const stale = await errorOf(signReport({ db, actor: t.radiologist, input: base, session: { id: crypto.randomUUID(), method: "OIDC", strongAt: new Date(now.getTime() - 6 * 60_000) }, now }));
    expect(stale.code).toBe("REAUTH_FAILED");
    const oidcPassword = await errorOf(signReport({ db, actor: t.radiologist, input: { ...base, password: FACTORY_PASSWORD }, session: { id: crypto.randomUUID(), method: "OIDC", strongAt: null }, now }));
    expect(oidcPassword.code).toBe("REAUTH_FAILED");
    const recent = await signReport({ db, actor: t.radiologist, input: base, session: { id: crypto.randomUUID(), method: "OIDC", strongAt: new Date(now.getTime() - 60_000) }, now });
    expect(recent.alreadySigned).toBe(false);

    const other = await draftReadyToSign();
    const signed = await signReport({ db, actor: other.radiologist, input: { requestId: other.requestId, draftId: other.draft.id, draftVersion: other.draftVersion, password: FACTORY_PASSWORD } });
    expect(signed.alreadySigned).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { reportFingerprint } from "@/lib/domain/reports/report-fingerprint";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import { connectTestDb } from "@/lib/testing/test-db";
import { FACTORY_PASSWORD } from "@/prisma/factories";
import { changeTemplate } from "./change-template";
import { getReportPanel } from "./get-report-panel";
import { draftReadyToSign as readyToSign, requestReadyToRead } from "./report-test-kit";
import { saveDraft } from "./save-draft";
import { signReport } from "./sign-report";
import { startAddendum } from "./start-addendum";
import { startReading } from "./start-reading";

const db = connectTestDb(8);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A request in reading with its draft, filled so that it can be signed. */
const draftReadyToSign = (options: { injected?: boolean } = {}) => readyToSign(db, options);

const sign = (t: Awaited<ReturnType<typeof draftReadyToSign>>, draftVersion = t.draftVersion, password = FACTORY_PASSWORD) =>
  signReport({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion, password } });

describe("report drafts", () => {
  it("starts reading with a draft prefilled from the request, the template suggested for the exam and the regulatory block", async () => {
    const t = await requestReadyToRead(db);
    await startReading({ db, actor: t.radiologist, requestId: t.requestId });
    const panel = await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId });
    expect(panel.draft?.template.code).toBe("ct-head-noncontrast");
    expect(panel.draft?.definition.sections.map((s) => s.id)).toContain("regulatory");
    expect(panel.draft?.values.reg_procedure).toContain("TDM cérébrale sans injection");
    expect(panel.can).toMatchObject({ edit: true, sign: true, startReading: false });
    const request = await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { status: true, readingStartedAt: true } });
    expect(request.status).toBe("IN_READING");
    expect(request.readingStartedAt).toBeInstanceOf(Date);
    // Nobody else sees the draft.
    expect((await getReportPanel({ db, actor: t.referrer, requestId: t.requestId })).draft).toBeNull();
  });

  it("suggests the stroke angio-CT for an injected head CT, asks for the contrast agent given and signs it into the narrative once", async () => {
    const t = await draftReadyToSign({ injected: true });
    expect(t.draft.template.code).toBe("cta-head-neck-stroke");
    const regulatory = t.draft.definition.sections.find((s) => s.id === "regulatory")!;
    expect(regulatory.fields.map((f) => f.id)).toEqual(expect.arrayContaining(["reg_contrast_product", "reg_contrast_volume", "reg_contrast_route"]));
    // Without the product, the report cannot be signed.
    const without = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion, values: { ...t.values, reg_contrast_product: null } } });
    const refused = await errorOf(sign(t, without.draftVersion));
    expect(refused.code).toBe("REPORT_INCOMPLETE");
    expect(String(refused.details?.missing)).toContain("Produit de contraste administré");
    const values = { ...t.values, reg_contrast_product: "Iomeron 350", reg_contrast_volume: 70, reg_contrast_route: "Intraveineuse", conclusion: "Occlusion M1 gauche." };
    const saved = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: without.draftVersion, values } });
    await sign(t, saved.draftVersion);
    const [signed] = (await getReportPanel({ db, actor: t.referrer, requestId: t.requestId })).signed;
    expect(signed?.narrative).toContain("Produit de contraste : Iomeron 350, 70 mL, voie intraveineuse");
    expect(signed?.narrative).not.toContain("Occlusion M1 gauche.");
    expect(signed?.conclusion).toBe("Occlusion M1 gauche.");
    expect(signed?.examTitle).toBe("Angioscanner cérébral et des TSA — AVC");
  });

  it("keeps the unenhanced head CT for a request without injection, with no contrast line to fill", async () => {
    const t = await draftReadyToSign();
    expect(t.draft.template.code).toBe("ct-head-noncontrast");
    expect(t.draft.definition.sections.flatMap((s) => s.fields).some((f) => f.id.startsWith("reg_contrast"))).toBe(false);
  });

  it("refuses to start reading before the patient is informed, and to anyone but the holder", async () => {
    const t = await requestReadyToRead(db, { informed: false });
    expect((await errorOf(startReading({ db, actor: t.radiologist, requestId: t.requestId }))).code).toBe("PATIENT_NOT_INFORMED");
    await db.readingRequest.update({ where: { id: t.requestId }, data: { patientInformedAt: new Date() } });
    expect((await errorOf(startReading({ db, actor: t.colleague, requestId: t.requestId }))).code).toBe("NOT_HOLDER");
    expect((await errorOf(startReading({ db, actor: t.foreignRadiologist, requestId: t.requestId }))).code).toBe("NOT_FOUND");
    expect(await db.reportVersion.count({ where: { requestId: t.requestId } })).toBe(0);
  });

  it("detects concurrent saves of the same draft version: one wins, the other gets a conflict, and nothing is lost silently", async () => {
    const t = await draftReadyToSign();
    const base = { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion };
    const results = await Promise.allSettled([
      saveDraft({ db, actor: t.radiologist, input: { ...base, values: { ...t.values, findings: "onglet A" } } }),
      saveDraft({ db, actor: t.radiologist, input: { ...base, values: { ...t.values, findings: "onglet B" } } }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as AppError).code).toBe("REPORT_CONFLICT");
    const row = await db.reportVersion.findUniqueOrThrow({ where: { id: t.draft.id } });
    expect(row.draftVersion).toBe(t.draftVersion + 1);
    const winner = results[0]!.status === "fulfilled" ? "onglet A" : "onglet B";
    expect((row.values as ReportValues).findings).toBe(winner);
    // The loser rebases on the server's version and saves: both edits end up recorded in turn.
    await saveDraft({ db, actor: t.radiologist, input: { ...base, draftVersion: row.draftVersion, values: { ...t.values, findings: `${winner} + rattrapage` } } });
    expect(await db.auditLog.count({ where: { entityId: t.draft.id, action: "REPORT_DRAFT_SAVED" } })).toBe(3);
  });

  it("offers only the latest active templates: an old or deactivated one is refused, and a switch keeps shared fields", async () => {
    const t = await requestReadyToRead(db);
    const freeForm = await db.reportTemplate.findFirstOrThrow({ where: { code: "free-form" }, orderBy: { version: "desc" } });
    const retired = await db.reportTemplate.create({
      data: { code: `retired-${t.requestId.slice(0, 8)}`, version: 1, title: "Ancien modèle", purpose: "REPORT", modality: "CT", definition: freeForm.definition as object, active: false },
    });
    expect((await errorOf(startReading({ db, actor: t.radiologist, requestId: t.requestId, templateId: retired.id }))).code).toBe("NOT_FOUND");
    await startReading({ db, actor: t.radiologist, requestId: t.requestId });
    const draft = (await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId })).draft!;
    const saved = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: draft.id, draftVersion: draft.draftVersion, values: { ...draft.values, findings: "Pas d'anomalie", conclusion: null } } });
    expect((await errorOf(changeTemplate({ db, actor: t.radiologist, requestId: t.requestId, draftId: draft.id, draftVersion: saved.draftVersion, templateId: retired.id }))).code).toBe("NOT_FOUND");
    await changeTemplate({ db, actor: t.radiologist, requestId: t.requestId, draftId: draft.id, draftVersion: saved.draftVersion, templateId: freeForm.id });
    const switched = (await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId })).draft!;
    expect(switched.template.code).toBe("free-form");
    expect(switched.values).toMatchObject({ findings: "Pas d'anomalie", conclusion: null });
  });

  it("refuses saves from a colleague who does not hold the request", async () => {
    const t = await draftReadyToSign();
    const error = await errorOf(saveDraft({ db, actor: t.colleague, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion, values: {} } }));
    expect(error.code).toBe("NOT_HOLDER");
  });
});

describe("signing", () => {
  it("signs with the password, stores the fingerprint of the canonical content, and delivers to the requester at once", async () => {
    const t = await draftReadyToSign();
    const result = await sign(t);
    expect(result.alreadySigned).toBe(false);
    const row = await db.reportVersion.findUniqueOrThrow({ where: { id: t.draft.id } });
    expect(row.fingerprint).toBe(result.fingerprint);
    expect(row.narrative).toContain("téléradiologie");
    const recomputed = reportFingerprint({
      requestId: row.requestId,
      sequence: row.sequence,
      kind: row.kind,
      templateId: row.templateId,
      values: row.values as ReportValues,
      narrative: row.narrative!,
      conclusion: row.conclusion!,
      signerId: row.signedById!,
      signerName: row.signerName!,
      signedAt: row.signedAt!,
      previousFingerprint: row.previousFingerprint,
    });
    expect(recomputed).toBe(row.fingerprint);
    const request = await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { status: true } });
    expect(request.status).toBe("DELIVERED");
    expect(await db.reportDelivery.count({ where: { requestId: t.requestId, recipientId: t.referrer.id } })).toBe(1);
    expect(await db.notification.count({ where: { requestId: t.requestId, userId: t.referrer.id, kind: "REPORT_DELIVERED" } })).toBe(1);
    const referrerView = await getReportPanel({ db, actor: t.referrer, requestId: t.requestId });
    expect(referrerView.signed.map((v) => v.fingerprint)).toEqual([result.fingerprint]);
    expect(referrerView.can.acknowledge).toBe(true);
  });

  it("answers 'already signed' to a repeated sign call of the same version and creates nothing", async () => {
    const t = await draftReadyToSign();
    const first = await sign(t);
    const again = await sign(t);
    expect(again).toMatchObject({ alreadySigned: true, versionId: first.versionId, fingerprint: first.fingerprint });
    expect(await db.reportDelivery.count({ where: { requestId: t.requestId } })).toBe(1);
    expect(await db.requestEvent.count({ where: { requestId: t.requestId, toStatus: "SIGNED" } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: t.draft.id, action: "REPORT_SIGNED" } })).toBe(1);
    // Concurrent double clicks: one signature.
    const u = await draftReadyToSign();
    const both = await Promise.all([sign(u), sign(u)]);
    expect(both.map((r) => r.alreadySigned).sort()).toEqual([false, true]);
    expect(await db.reportDelivery.count({ where: { requestId: u.requestId } })).toBe(1);
  });

  it("lets exactly one of a signature and a concurrent edit of the same version through", async () => {
    const t = await draftReadyToSign();
    const [signed, saved] = await Promise.allSettled([
      sign(t),
      saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion, values: { ...t.values, findings: "modifié pendant la signature" } } }),
    ]);
    expect([signed.status, saved.status].filter((s) => s === "fulfilled")).toHaveLength(1);
    const row = await db.reportVersion.findUniqueOrThrow({ where: { id: t.draft.id } });
    if (signed.status === "fulfilled") {
      expect(row.signedAt).not.toBeNull();
      expect((saved as PromiseRejectedResult).reason).toMatchObject({ code: "REPORT_CONFLICT" });
      expect((row.values as ReportValues).findings).not.toBe("modifié pendant la signature");
    } else {
      expect(row.signedAt).toBeNull();
      expect(signed.reason).toMatchObject({ code: "REPORT_CONFLICT" });
      expect((row.values as ReportValues).findings).toBe("modifié pendant la signature");
    }
  });

  it("refuses a wrong password, a missing required field, and a non-holder, writing nothing", async () => {
    const t = await draftReadyToSign();
    expect((await errorOf(sign(t, t.draftVersion, "mauvais"))).code).toBe("REAUTH_FAILED");
    expect(await db.auditLog.count({ where: { actorId: t.radiologist.id, action: "REPORT_REAUTH_FAILED" } })).toBe(1);
    const emptied = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion, values: { ...t.values, conclusion: "  " } } });
    const incomplete = await errorOf(sign(t, emptied.draftVersion));
    expect(incomplete.code).toBe("REPORT_INCOMPLETE");
    expect(String(incomplete.details.missing)).toMatch(/onclusion/);
    const byColleague = await errorOf(signReport({ db, actor: t.colleague, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: emptied.draftVersion, password: FACTORY_PASSWORD } }));
    expect(byColleague.code).toBe("NOT_HOLDER");
    const row = await db.reportVersion.findUniqueOrThrow({ where: { id: t.draft.id } });
    expect(row.signedAt).toBeNull();
    expect(await db.reportDelivery.count({ where: { requestId: t.requestId } })).toBe(0);
  });

  it("blocks signing after 5 wrong passwords within 15 minutes, even with the right one", async () => {
    const t = await draftReadyToSign();
    for (let i = 0; i < 5; i++) expect((await errorOf(sign(t, t.draftVersion, `essai-${i}`))).code).toBe("REAUTH_FAILED");
    expect((await errorOf(sign(t))).code).toBe("REAUTH_LOCKED");
    expect((await db.reportVersion.findUniqueOrThrow({ where: { id: t.draft.id } })).signedAt).toBeNull();
  });

  it("signs an addendum chained to the original, delivered without changing the status", async () => {
    const t = await draftReadyToSign();
    const original = await sign(t);
    await startAddendum({ db, actor: t.radiologist, requestId: t.requestId });
    await startAddendum({ db, actor: t.radiologist, requestId: t.requestId });
    const panel = await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId });
    expect(panel.draft?.kind).toBe("ADDENDUM");
    expect(await db.reportVersion.count({ where: { requestId: t.requestId } })).toBe(2);
    const addendum = panel.draft!;
    const values = { ...addendum.values, addendum_note: "Nodule pulmonaire apical droit de 6 mm non décrit." };
    const saved = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: addendum.id, draftVersion: addendum.draftVersion, values } });
    const signed = await signReport({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: addendum.id, draftVersion: saved.draftVersion, password: FACTORY_PASSWORD } });
    const row = await db.reportVersion.findUniqueOrThrow({ where: { id: signed.versionId } });
    expect(row.previousFingerprint).toBe(original.fingerprint);
    expect(row.narrative).toContain("Nodule pulmonaire apical");
    expect(await db.requestEvent.count({ where: { requestId: t.requestId, type: "ADDENDUM_SIGNED" } })).toBe(1);
    expect(await db.notification.count({ where: { requestId: t.requestId, kind: "ADDENDUM_DELIVERED" } })).toBe(1);
    const status = await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { status: true } });
    expect(status.status).toBe("DELIVERED");
    const history = await getReportPanel({ db, actor: t.referrer, requestId: t.requestId });
    expect(history.signed.map((v) => v.kind)).toEqual(["ORIGINAL", "ADDENDUM"]);
  });
});

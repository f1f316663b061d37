import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { decideIndicationSchema, sendProtocolSchema } from "@/lib/domain/workflow/workflow-schemas";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { claimRequest } from "../requests/claim-request";
import { getRequest } from "../requests/get-request";
import { submitRequest } from "../requests/submit-request";
import { takeOverRequest } from "../assignment/take-over-request";
import { cancelRequest } from "./cancel-request";
import { loadSubjectFor } from "./load-workflow-subject";
import { transitionInTx } from "./transition-in-tx";
import { decideIndication } from "./decide-indication";
import { provideInformation } from "./provide-information";
import { recordPatientInformed } from "./record-patient-informed";
import { sendProtocol } from "./send-protocol";

const db = connectTestDb(8);

async function territory(contrast?: Parameters<typeof teleDiagnosticRequest>[0]) {
  const site = await createSite(db);
  const otherSite = await createSite(db, "Autre site");
  const [referrer, radiographer, radiologist, colleague, foreignReferrer] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "REFERRER", siteId: otherSite.id }).then((u) => actorOf(db, u.id)),
  ]);
  const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest(contrast) });
  await claimRequest({ db, actor: radiologist, requestId });
  return { site, otherSite, referrer, radiographer, radiologist, colleague, foreignReferrer, requestId };
}

const decide = (input: unknown) => decideIndicationSchema.parse(input);
const protocol = (input: unknown) => sendProtocolSchema.parse(input);

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("télédiagnostic workflow", () => {
  it("goes from submission through a question, the justification and the protocol to the radiographer, each step an attributed event with its reason", async () => {
    const t = await territory();
    await decideIndication({ db, actor: t.radiologist, input: decide({ requestId: t.requestId, decision: "REQUEST_INFO", reason: "Créatininémie ?" }) });
    const question = await db.notification.findMany({ where: { requestId: t.requestId, kind: "INFO_REQUESTED" }, select: { userId: true } });
    expect(question).toEqual([{ userId: t.referrer.id }]);

    await provideInformation({ db, actor: t.referrer, requestId: t.requestId, answer: "DFG 85 ce matin" });
    expect((await getRequest({ db, actor: t.referrer, requestId: t.requestId })).status).toBe("SUBMITTED");
    expect(await db.notification.count({ where: { requestId: t.requestId, kind: "INFO_PROVIDED", userId: t.radiologist.id } })).toBe(1);

    await decideIndication({ db, actor: t.radiologist, input: decide({ requestId: t.requestId, decision: "MODIFY", proposedExam: "Angio-TDM des TSA", reason: "Suspicion de dissection" }) });
    const item = await db.protocolCatalogueItem.create({ data: { siteId: t.site.id, code: "ANGIO-TSA", label: "Angio-TDM des TSA", modality: "CT", contrast: true } });
    await sendProtocol({ db, actor: t.radiologist, input: protocol({ requestId: t.requestId, protocolItemId: item.id, protocolText: "Bolus tracking", contrast: true }) });

    expect(await recordPatientInformed({ db, actor: t.radiographer, requestId: t.requestId })).toEqual({ requestId: t.requestId, recorded: true });

    const detail = await getRequest({ db, actor: t.radiographer, requestId: t.requestId });
    expect(detail.status).toBe("PROTOCOL_SENT");
    expect(detail.workflow.proposedExam).toBe("Angio-TDM des TSA");
    expect(detail.workflow.protocol).toEqual({ code: "ANGIO-TSA", label: "Angio-TDM des TSA", text: "Bolus tracking", contrast: true, overrideReason: null });
    expect(detail.workflow.patientInformation?.informedAt).toBeInstanceOf(Date);
    const changes = detail.timeline.filter((e) => e.type === "STATUS_CHANGED").map((e) => [e.fromStatus, e.toStatus, e.reason, e.actor?.id]);
    expect(changes).toEqual([
      ["SUBMITTED", "INFO_REQUESTED", "Créatininémie ?", t.radiologist.id],
      ["INFO_REQUESTED", "SUBMITTED", "DFG 85 ce matin", t.referrer.id],
      ["SUBMITTED", "INDICATION_MODIFIED", "Suspicion de dissection", t.radiologist.id],
      ["INDICATION_MODIFIED", "PROTOCOL_SENT", "Angio-TDM des TSA — Bolus tracking", t.radiologist.id],
    ]);
    expect(detail.timeline.filter((e) => e.type === "PATIENT_INFORMED").map((e) => e.actor?.id)).toEqual([t.radiographer.id]);
    expect(await db.auditLog.count({ where: { entityId: t.requestId, action: "REQUEST_TRANSITION" } })).toBe(4);
  });

  it("refuses a contraindicated injection without a written reason, and keeps the reason when given", async () => {
    const t = await territory({ contrast: { renalFunction: "SEVERELY_IMPAIRED", egfr: 22, contrastAllergy: "NO", pregnancy: "NOT_APPLICABLE", metformin: "YES" } });
    await decideIndication({ db, actor: t.radiologist, input: decide({ requestId: t.requestId, decision: "ACCEPT" }) });
    const refused = await sendProtocol({ db, actor: t.radiologist, input: protocol({ requestId: t.requestId, protocolText: "TDM injectée", contrast: true }) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("CONTRAST_CONTRAINDICATED");
    expect((refused as AppError).details.contraindications).toBe("RENAL_SEVERE,METFORMIN_RENAL");
    expect((await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId } })).status).toBe("INDICATION_ACCEPTED");

    await sendProtocol({ db, actor: t.radiologist, input: protocol({ requestId: t.requestId, protocolText: "TDM injectée", contrast: true, contrastOverrideReason: "Dissection aortique suspectée, dialysé" }) });
    const saved = await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { status: true, contrastOverrideReason: true } });
    expect(saved).toEqual({ status: "PROTOCOL_SENT", contrastOverrideReason: "Dissection aortique suspectée, dialysé" });
  });

  it("refuses acts by the wrong person or at the wrong moment, and writes nothing", async () => {
    const t = await territory();
    await expectAppError(decideIndication({ db, actor: t.colleague, input: decide({ requestId: t.requestId, decision: "ACCEPT" }) }), "NOT_HOLDER");
    await expectAppError(decideIndication({ db, actor: t.radiologist, input: decide({ requestId: t.requestId, decision: "ACCEPT" }) }).then(() =>
      decideIndication({ db, actor: t.radiologist, input: decide({ requestId: t.requestId, decision: "REFUSE", reason: "Trop tard" }) }),
    ), "INVALID_TRANSITION");
    await expectAppError(provideInformation({ db, actor: t.referrer, requestId: t.requestId, answer: "?" }), "INVALID_TRANSITION");
    await expectAppError(recordPatientInformed({ db, actor: t.radiographer, requestId: t.requestId }), "INVALID_TRANSITION");
    await expectAppError(cancelRequest({ db, actor: t.foreignReferrer, requestId: t.requestId, reason: "x" }), "NOT_FOUND");
    await expectAppError(cancelRequest({ db, actor: t.radiographer, requestId: t.requestId, reason: "x" }), "FORBIDDEN");
    await expectAppError(cancelRequest({ db, actor: t.referrer, requestId: t.requestId, reason: "   " }), "REASON_REQUIRED");
    const foreignItem = await db.protocolCatalogueItem.create({ data: { siteId: t.otherSite.id, code: "X", label: "Autre site", modality: "CT", contrast: false } });
    await expectAppError(sendProtocol({ db, actor: t.radiologist, input: protocol({ requestId: t.requestId, protocolItemId: foreignItem.id, contrast: false }) }), "BAD_INPUT");

    const events = await db.requestEvent.findMany({ where: { requestId: t.requestId, type: "STATUS_CHANGED" }, select: { toStatus: true } });
    expect(events).toEqual([{ toStatus: "INDICATION_ACCEPTED" }]);
  });

  it("cancels before reading with the reason, and not after", async () => {
    const t = await territory();
    await cancelRequest({ db, actor: t.referrer, requestId: t.requestId, reason: "Patient transféré au CHU" });
    const detail = await getRequest({ db, actor: t.referrer, requestId: t.requestId });
    expect(detail.status).toBe("CANCELLED");
    expect(detail.timeline.at(-1)).toMatchObject({ toStatus: "CANCELLED", reason: "Patient transféré au CHU" });
    await expectAppError(cancelRequest({ db, actor: t.referrer, requestId: t.requestId, reason: "encore" }), "INVALID_TRANSITION");
  });

  it("offers each participant exactly the acts they may perform now", async () => {
    const t = await territory();
    expect((await getRequest({ db, actor: t.radiologist, requestId: t.requestId })).workflow.availableActs).toEqual(["DECIDE_INDICATION", "CANCEL"]);
    expect((await getRequest({ db, actor: t.colleague, requestId: t.requestId })).workflow.availableActs).toEqual([]);
    // The requesting physician may record the patient's information from submission on.
    expect((await getRequest({ db, actor: t.referrer, requestId: t.requestId })).workflow.availableActs).toEqual(["RECORD_PATIENT_INFORMED", "CANCEL"]);
    expect((await getRequest({ db, actor: t.radiographer, requestId: t.requestId })).workflow.availableActs).toEqual([]);
  });

  it("lets a referrer of the request's site record the patient's information, once, with its event and audit row; another site's referrer meets a missing request", async () => {
    const t = await territory();
    await expectAppError(recordPatientInformed({ db, actor: t.foreignReferrer, requestId: t.requestId }), "NOT_FOUND");
    await expectAppError(recordPatientInformed({ db, actor: t.radiologist, requestId: t.requestId }), "FORBIDDEN");
    expect(await recordPatientInformed({ db, actor: t.referrer, requestId: t.requestId })).toEqual({ requestId: t.requestId, recorded: true });
    // Already recorded: the act is no longer offered and a second try writes nothing.
    await expectAppError(recordPatientInformed({ db, actor: t.referrer, requestId: t.requestId }), "FORBIDDEN");

    const detail = await getRequest({ db, actor: t.radiologist, requestId: t.requestId });
    expect(detail.workflow.patientInformation?.informedAt).toBeInstanceOf(Date);
    expect(detail.timeline.filter((e) => e.type === "PATIENT_INFORMED").map((e) => e.actor?.id)).toEqual([t.referrer.id]);
    expect(await db.auditLog.count({ where: { entityId: t.requestId, action: "PATIENT_INFORMED", actorId: t.referrer.id } })).toBe(1);
  });

  it("records the patient's information ticked on the new-request form with the submission", async () => {
    const t = await territory();
    const { requestId } = await submitRequest({ db, actor: t.referrer, input: teleDiagnosticRequest({ patientInformed: true }) });
    const detail = await getRequest({ db, actor: t.referrer, requestId });
    expect(detail.workflow.patientInformation?.informedAt).toBeInstanceOf(Date);
    expect(detail.timeline.map((e) => e.type)).toEqual(["SUBMITTED", "PATIENT_INFORMED"]);
    expect(await db.auditLog.count({ where: { entityId: requestId, action: "PATIENT_INFORMED" } })).toBe(1);
  });

  it("refuses the act of a radiologist whose request was taken over while they were deciding", async () => {
    const t = await territory();
    const lost = db.$transaction(async (tx) => {
      const request = await loadSubjectFor(tx, t.radiologist, t.requestId, "DECIDE_INDICATION");
      // Meanwhile, a colleague takes the request over (another connection, committed first).
      await takeOverRequest({ db, actor: t.colleague, requestId: t.requestId, reason: "Relève de garde" });
      return transitionInTx(tx, { request, actor: t.radiologist, action: "ACCEPT_INDICATION", reason: null });
    });
    await expectAppError(lost, "NOT_HOLDER");
    const saved = await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { status: true, holderId: true } });
    expect(saved).toEqual({ status: "SUBMITTED", holderId: t.colleague.id });
  });
});

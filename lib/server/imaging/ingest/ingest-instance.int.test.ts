import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ctHeadSeries, type SyntheticPatient } from "@/lib/dicom/synthetic";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { getRequest } from "../../services/requests/get-request";
import { submitRequest } from "../../services/requests/submit-request";
import { completeQuietStudies, markStudyComplete } from "../studies/complete-study-images";
import type { IngestSource } from "../runtime/image-deps";
import { ingestInstance } from "./ingest-instance";
import { linkStudy } from "../studies/link-study";
import { listRequestImages } from "../studies/list-request-images";

const db = connectTestDb();
const deps = testImageDeps(db);

async function siteWithRequest(options: { accession?: "ours" | "site"; status?: "PROTOCOL_SENT" } = {}) {
  const site = await createSite(db);
  const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
  const radiographer = await actorOf(db, (await createUser(db, { role: "RADIOGRAPHER", siteId: site.id })).id);
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const patient: SyntheticPatient = { familyName: `DUPONT${tag}`, givenName: "LOUISE", birthDate: "19500302", sex: "F", patientId: `IPP${tag}` };
  const siteAccession = options.accession === "site" ? `RIS${tag}` : undefined;
  const { requestId } = await submitRequest({
    db,
    actor: referrer,
    input: teleDiagnosticRequest({
      patient: { familyName: `Dupont${tag}`, givenName: "Louise", birthDate: "1950-03-02", sex: "FEMALE", sitePatientId: patient.patientId },
      ...(siteAccession ? { siteAccessionNumber: siteAccession } : {}),
    }),
  });
  if (options.status) await db.readingRequest.update({ where: { id: requestId }, data: { status: options.status } });
  const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true } });
  const source: IngestSource = { channel: "STOW", siteId: site.id, senderLabel: `PACS ${site.code}`, actorId: null };
  return { site, referrer, radiographer, requestId, patient, accession: siteAccession ?? request.accessionNumber, source, tag };
}

function slices(seed: string, patient: SyntheticPatient, accessionNumber: string, count = 4) {
  return [...ctHeadSeries({ seed, patient, accessionNumber, slices: count, size: 64 })];
}

describe("ingesting DICOM instances", () => {
  it("stores, indexes and links a study by the request's accession number; the request moves to images arriving", async () => {
    const ctx = await siteWithRequest({ status: "PROTOCOL_SENT" });
    const instances = slices(`link-${ctx.tag}`, ctx.patient, ctx.accession);
    const outcomes = await Promise.all(instances.map((i) => ingestInstance(deps, ctx.source, i.bytes)));
    expect(outcomes.map((o) => o.status)).toEqual(instances.map(() => "stored"));

    const study = await db.dicomStudy.findUniqueOrThrow({ where: { studyInstanceUid: instances[0]!.studyInstanceUid }, select: { requestId: true, linkState: true, linkMethod: true, _count: { select: { series: true } } } });
    expect(study).toMatchObject({ requestId: ctx.requestId, linkState: "LINKED", linkMethod: "ACCESSION" });
    expect(await db.dicomInstance.count({ where: { series: { study: { studyInstanceUid: instances[0]!.studyInstanceUid } } } })).toBe(instances.length);

    const detail = await getRequest({ db, actor: ctx.referrer, requestId: ctx.requestId });
    expect(detail.status).toBe("IMAGES_ARRIVING");
    expect(detail.timeline.map((e) => e.type)).toEqual(["SUBMITTED", "STUDY_LINKED", "IMAGES_RECEIVED"]);
    expect(detail.timeline[1]?.actorLabel).toBe(`PACS ${ctx.site.code}`);

    // The radiographer marks the acquisition complete: the request moves on.
    const images = await listRequestImages({ db, actor: ctx.radiographer, requestId: ctx.requestId });
    expect(images.studies[0]?.instanceCount).toBe(instances.length);
    await markStudyComplete({ db, actor: ctx.radiographer, studyId: images.studies[0]!.id });
    expect((await getRequest({ db, actor: ctx.referrer, requestId: ctx.requestId })).status).toBe("IMAGES_COMPLETE");
  });

  it("is idempotent on SOP Instance UID and refuses other content under the same UID, with an audit row", async () => {
    const ctx = await siteWithRequest();
    const [first] = slices(`idem-${ctx.tag}`, ctx.patient, ctx.accession, 1);
    const again = await Promise.all([1, 2, 3].map(() => ingestInstance(deps, ctx.source, first!.bytes)));
    expect(again.filter((o) => o.status === "stored")).toHaveLength(1);
    expect(again.filter((o) => o.status === "already-stored")).toHaveLength(2);

    const tampered = new Uint8Array(first!.bytes);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3]! + 1) % 256;
    const conflict = await ingestInstance(deps, ctx.source, tampered);
    expect(conflict).toMatchObject({ status: "refused", code: "CONFLICT", sopInstanceUid: first!.sopInstanceUid });
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: first!.sopInstanceUid } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "DICOM_INSTANCE_CONFLICT", entityId: first!.sopInstanceUid } })).toBe(1);
  });

  it("waits for a confirmation with a reason when the DICOM identity differs from the request's", async () => {
    const ctx = await siteWithRequest({ accession: "site", status: "PROTOCOL_SENT" });
    const wrongPatient = { ...ctx.patient, familyName: `MARTIN${ctx.tag}`, birthDate: "19510101" };
    const instances = slices(`mismatch-${ctx.tag}`, wrongPatient, ctx.accession, 2);
    for (const instance of instances) await ingestInstance(deps, ctx.source, instance.bytes);

    const pending = await listRequestImages({ db, actor: ctx.radiographer, requestId: ctx.requestId });
    expect(pending.studies[0]).toMatchObject({ linkState: "NEEDS_CONFIRMATION" });
    expect(pending.studies[0]?.linkMismatch.map((m) => m.field)).toEqual(["familyName", "birthDate"]);
    expect((await getRequest({ db, actor: ctx.referrer, requestId: ctx.requestId })).status).toBe("PROTOCOL_SENT");

    const outcome = await linkStudy({ db, actor: ctx.radiographer, requestId: ctx.requestId, studyId: pending.studies[0]!.id, confirmation: "Nom d'usage saisi au scanner" });
    expect(outcome.state).toBe("LINKED");
    const detail = await getRequest({ db, actor: ctx.referrer, requestId: ctx.requestId });
    expect(detail.status).toBe("IMAGES_ARRIVING");
    expect(detail.timeline.find((e) => e.type === "STUDY_LINKED")?.reason).toBe("Nom d'usage saisi au scanner");
  });

  it("completes a study by itself after the quiet period", async () => {
    const ctx = await siteWithRequest({ status: "PROTOCOL_SENT" });
    for (const instance of slices(`quiet-${ctx.tag}`, ctx.patient, ctx.accession, 2)) await ingestInstance(deps, ctx.source, instance.bytes);
    expect(await completeQuietStudies({ db, quietSeconds: 60 })).toBeGreaterThanOrEqual(0);
    expect((await getRequest({ db, actor: ctx.referrer, requestId: ctx.requestId })).status).toBe("IMAGES_ARRIVING");
    await completeQuietStudies({ db, quietSeconds: 60, now: new Date(Date.now() + 61_000) });
    const detail = await getRequest({ db, actor: ctx.referrer, requestId: ctx.requestId });
    expect(detail.status).toBe("IMAGES_COMPLETE");
    const completion = detail.timeline.find((e) => e.type === "IMAGES_COMPLETE");
    expect(completion).toMatchObject({ actor: null, reason: "no new image for 60 s" });
  });

  it("flags the request for its reader when images arrive after signing", async () => {
    const ctx = await siteWithRequest();
    const [first, second] = slices(`late-${ctx.tag}`, ctx.patient, ctx.accession, 2);
    await ingestInstance(deps, ctx.source, first!.bytes);
    await db.readingRequest.update({ where: { id: ctx.requestId }, data: { status: "SIGNED" } });
    await ingestInstance(deps, ctx.source, second!.bytes);
    const detail = await getRequest({ db, actor: ctx.referrer, requestId: ctx.requestId });
    expect(detail.imagesAfterSigningAt).not.toBeNull();
    expect(detail.timeline.map((e) => e.type)).toContain("IMAGES_AFTER_SIGNING");
  });

  it("refuses a study already received from another site and stores nothing of it", async () => {
    const ctx = await siteWithRequest();
    const other = await createSite(db);
    const [first, second] = slices(`foreign-${ctx.tag}`, ctx.patient, ctx.accession, 2);
    await ingestInstance(deps, ctx.source, first!.bytes);
    const outcome = await ingestInstance(deps, { ...ctx.source, siteId: other.id }, second!.bytes);
    expect(outcome).toMatchObject({ status: "refused", code: "FOREIGN_STUDY" });
    expect(await db.dicomInstance.count({ where: { sopInstanceUid: second!.sopInstanceUid } })).toBe(0);
  });
});

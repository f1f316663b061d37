import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { createSite, createUser } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { randomIns, requestWithImages, uniquePatient, type RequestWithImages, type TestPatient } from "@/lib/testing/viewer-fixtures";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { openViewer } from "./open-viewer";

const db = connectTestDb();
const deps = testImageDeps(db);

let siteA: { id: string; name: string };
let siteB: { id: string; name: string };
const people = {} as Record<"holder" | "colleague" | "otherSiteReader" | "referrer" | "otherReferrer" | "referrerB" | "radiographer" | "head" | "admin", Actor>;
let patient: TestPatient;
let current: RequestWithImages;
let insPrior: RequestWithImages;
let traitsPrior: RequestWithImages;
let namesake: RequestWithImages;

const user = async (role: Parameters<typeof createUser>[1]["role"], options: { siteId?: string; readsFor?: string[] } = {}) => actorOf(db, (await createUser(db, { role, ...options })).id);

beforeAll(async () => {
  siteA = await createSite(db, "CH A");
  siteB = await createSite(db, "CH B");
  people.holder = await user("RADIOLOGIST", { readsFor: [siteA.id] });
  people.colleague = await user("RADIOLOGIST", { readsFor: [siteA.id] });
  people.otherSiteReader = await user("RADIOLOGIST", { readsFor: [siteB.id] });
  people.referrer = await user("REFERRER", { siteId: siteA.id });
  people.otherReferrer = await user("REFERRER", { siteId: siteA.id });
  people.referrerB = await user("REFERRER", { siteId: siteB.id });
  people.radiographer = await user("RADIOGRAPHER", { siteId: siteA.id });
  people.head = await user("DEPARTMENT_HEAD");
  people.admin = await user("ADMIN");

  patient = uniquePatient({ ins: randomIns() });
  current = await requestWithImages(deps, { referrer: people.referrer, patient, studyDate: "20260110", holderId: people.holder.id, status: "IN_READING" });
  // Same INS, birth date mistyped at that visit: the INS alone makes it the same patient.
  const typo = `${patient.birthDate.slice(0, 8)}${patient.birthDate.slice(8) === "01" ? "02" : "01"}`;
  insPrior = await requestWithImages(deps, { referrer: people.referrer, patient: { ...patient, birthDate: typo }, studyDate: "20250101", status: "SIGNED" });
  // Another hospital without the INS: same traits, not qualified.
  traitsPrior = await requestWithImages(deps, { referrer: people.referrerB, patient: { ...patient, ins: undefined, familyName: patient.familyName.toLowerCase() }, studyDate: "20240101", status: "SIGNED" });
  // A namesake born the same day, with another INS: another person.
  namesake = await requestWithImages(deps, { referrer: people.referrer, patient: { ...patient, ins: randomIns() }, studyDate: "20230101", status: "SIGNED" });
  // Same birth date, another name: not a candidate match.
  await requestWithImages(deps, { referrer: people.referrerB, patient: { ...uniquePatient(), birthDate: patient.birthDate }, studyDate: "20220101", status: "SIGNED" });
});

describe("opening the viewer", () => {
  it("gives the holder the request's studies and the same patient's priors across the territory, newest first", async () => {
    const opening = await openViewer({ db, actor: people.holder, requestId: current.requestId });
    expect(opening).toMatchObject({ requestId: current.requestId, identityQualified: true, patient: { familyName: patient.familyName, birthDate: patient.birthDate, ins: patient.ins } });
    expect(opening.studies.map((s) => s.studyInstanceUid)).toEqual([current.studyInstanceUid]);
    expect(opening.studies[0]?.studyDate).toBe("20260110");
    expect(opening.studies[0]?.series).toEqual([expect.objectContaining({ seriesInstanceUid: current.seriesInstanceUid, modality: "CT", instanceCount: 2 })]);
    expect(opening.priors.map((p) => ({ uid: p.studyInstanceUid, requestId: p.requestId, match: p.match, siteName: p.siteName }))).toEqual([
      { uid: insPrior.studyInstanceUid, requestId: insPrior.requestId, match: "INS", siteName: siteA.name },
      { uid: traitsPrior.studyInstanceUid, requestId: traitsPrior.requestId, match: "TRAITS", siteName: siteB.name },
    ]);
    expect(opening.priors.map((p) => p.studyInstanceUid)).not.toContain(namesake.studyInstanceUid);
  });

  it("says the identity is not qualified when the request has no INS; traits match the namesake's earlier study then", async () => {
    const reader = await user("RADIOLOGIST", { readsFor: [siteB.id] });
    await db.readingRequest.update({ where: { id: traitsPrior.requestId }, data: { holderId: reader.id, status: "IN_READING" } });
    const opening = await openViewer({ db, actor: reader, requestId: traitsPrior.requestId });
    expect(opening.identityQualified).toBe(false);
    expect(opening.patient.ins).toBeNull();
    // Without an INS on this side, the namesake cannot be told apart: listed, flagged as traits only.
    // The patient's later studies (2025, 2026) are not priors of a 2024 request.
    expect(opening.priors.map((p) => [p.studyInstanceUid, p.match])).toEqual([[namesake.studyInstanceUid, "TRAITS"]]);
  });

  it("does not list a later study of the same patient as a prior, nor images made after the request was sent", async () => {
    const reader = await user("RADIOLOGIST", { readsFor: [siteA.id] });
    const someone = uniquePatient({ ins: randomIns() });
    const held = await requestWithImages(deps, { referrer: people.referrer, patient: someone, studyDate: "20260110", holderId: reader.id, status: "IN_READING" });
    const earlier = await requestWithImages(deps, { referrer: people.referrerB, patient: someone, studyDate: "20250601", status: "SIGNED" });
    await requestWithImages(deps, { referrer: people.referrerB, patient: someone, studyDate: "20260301", status: "SUBMITTED" });
    // Sent before the held request, but its images were made after it: a later exam.
    await requestWithImages(deps, { referrer: people.referrerB, patient: someone, studyDate: "20260115", submittedAt: new Date("2025-12-01T07:00:00Z"), status: "SIGNED" });
    const opening = await openViewer({ db, actor: reader, requestId: held.requestId });
    expect(opening.priors.map((p) => p.studyInstanceUid)).toEqual([earlier.studyInstanceUid]);
  });

  it("gives a radiologist holding a long-signed request of the patient no priors, only that request's images", async () => {
    const reader = await user("RADIOLOGIST", { readsFor: [siteA.id] });
    const someone = uniquePatient({ ins: randomIns() });
    await requestWithImages(deps, { referrer: people.referrerB, patient: someone, studyDate: "20220301", status: "SIGNED" });
    const old = await requestWithImages(deps, { referrer: people.referrer, patient: someone, studyDate: "20230105", holderId: reader.id, status: "IN_READING" });
    await requestWithImages(deps, { referrer: people.referrerB, patient: someone, studyDate: "20260201", status: "IN_READING" });
    // While it was being read, the 2022 study was a prior.
    expect((await openViewer({ db, actor: reader, requestId: old.requestId })).priors).toHaveLength(1);
    for (const status of ["SIGNED", "CANCELLED"] as const) {
      await db.readingRequest.update({ where: { id: old.requestId }, data: { status } });
      const opening = await openViewer({ db, actor: reader, requestId: old.requestId });
      expect(opening.studies.map((s) => s.studyInstanceUid)).toEqual([old.studyInstanceUid]);
      expect(opening.priors).toEqual([]);
    }
  });

  it("audits one row per study opened, and the priors listed", async () => {
    await openViewer({ db, actor: people.holder, requestId: current.requestId });
    await flushReadAudits();
    const study = await db.dicomStudy.findUniqueOrThrow({ where: { studyInstanceUid: current.studyInstanceUid }, select: { id: true } });
    const rows = await db.auditLog.findMany({ where: { actorId: people.holder.id, action: "VIEWER_OPENED" }, select: { entityType: true, entityId: true, siteId: true, detail: true } });
    // Two openings (this test and the first one), one study each.
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ entityType: "DicomStudy", entityId: study.id, siteId: siteA.id, detail: { requestId: current.requestId, studyInstanceUid: current.studyInstanceUid } });
    const listed = await db.auditLog.findFirstOrThrow({ where: { actorId: people.holder.id, action: "PRIORS_LISTED" }, select: { entityId: true, detail: true } });
    expect(listed.entityId).toBe(current.requestId);
    expect(JSON.stringify(listed.detail)).toContain(traitsPrior.studyInstanceUid);
  });

  it("refuses another radiologist reading for the site, naming the holder, and hides the request from one who does not", async () => {
    await expect(openViewer({ db, actor: people.colleague, requestId: current.requestId })).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "NOT_HOLDER", holderName: people.holder.displayName },
    });
    await expect(openViewer({ db, actor: people.otherSiteReader, requestId: current.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("opens to the site's referrers once the report is signed, without priors", async () => {
    const request = await requestWithImages(deps, { referrer: people.referrer, patient: uniquePatient(), studyDate: "20260111", holderId: people.holder.id, status: "IN_READING" });
    for (const referrer of [people.referrer, people.otherReferrer]) {
      await expect(openViewer({ db, actor: referrer, requestId: request.requestId })).rejects.toMatchObject({ code: "FORBIDDEN", details: { reason: "REPORT_NOT_SIGNED" } });
    }
    await expect(openViewer({ db, actor: people.referrerB, requestId: request.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.readingRequest.update({ where: { id: request.requestId }, data: { status: "SIGNED" } });
    for (const referrer of [people.referrer, people.otherReferrer]) {
      const opening = await openViewer({ db, actor: referrer, requestId: request.requestId });
      expect(opening.studies.map((s) => s.studyInstanceUid)).toEqual([request.studyInstanceUid]);
      expect(opening.priors).toEqual([]);
    }
  });

  it("opens to the site's radiographer at any status, without priors", async () => {
    const opening = await openViewer({ db, actor: people.radiographer, requestId: current.requestId });
    expect(opening.studies.map((s) => s.studyInstanceUid)).toEqual([current.studyInstanceUid]);
    expect(opening.priors).toEqual([]);
  });

  it("refuses the department head, who sees the request but takes no part in the care; the administrator sees nothing", async () => {
    await expect(openViewer({ db, actor: people.head, requestId: current.requestId })).rejects.toMatchObject({ code: "FORBIDDEN", details: { reason: "NO_PART_IN_CARE" } });
    await expect(openViewer({ db, actor: people.admin, requestId: current.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tells each series by what it holds, not by its Modality: an OT series of images hangs, a report series is a document", async () => {
    const reader = await user("RADIOLOGIST", { readsFor: [siteA.id] });
    const request = await requestWithImages(deps, { referrer: people.referrer, patient: uniquePatient(), studyDate: "20260112", holderId: reader.id, status: "IN_READING" });
    const series = { seriesInstanceUid: request.seriesInstanceUid };
    await db.dicomSeries.updateMany({ where: series, data: { modality: "OT" } });
    const images = await openViewer({ db, actor: reader, requestId: request.requestId });
    expect(images.studies[0]?.series).toEqual([expect.objectContaining({ modality: "OT", content: "IMAGE", instanceCount: 2 })]);

    await db.dicomInstance.updateMany({ where: { series }, data: { content: "STRUCTURED_REPORT" } });
    const report = await openViewer({ db, actor: reader, requestId: request.requestId });
    expect(report.studies[0]?.series).toEqual([expect.objectContaining({ content: "STRUCTURED_REPORT", instanceCount: 2 })]);
  });
});

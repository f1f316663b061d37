import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { unlinkedStudySearchSchema, type UnlinkedStudySearchInput } from "@/lib/domain/unlinked-study-search-schema";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { createCaller } from "../../trpc/app-router";
import { dicomPatientOf, identitySite, requestFor, sendStudy, uniqueFamily, type IdentitySite, type RequestPatient } from "./identity-test-kit";
import { linkStudy } from "./link-study";
import { searchUnlinkedStudies } from "./search-unlinked-studies";

// The request page finds the study to link among the site's unlinked studies: by default only
// the request's patient's, otherwise by name, IPP, accession, date and modality, ten a page.

const db = connectTestDb();
const deps = testImageDeps(db);
let at: IdentitySite;
let other: IdentitySite;
let patient: RequestPatient;
let requestId: string;
const uids: Record<"byIpp" | "byTraits" | "stranger" | "otherSite", string> = { byIpp: "", byTraits: "", stranger: "", otherSite: "" };
let strangerFamily: string;
let crowd: string;

beforeAll(async () => {
  at = await identitySite(db);
  other = await identitySite(db);
  patient = { familyName: uniqueFamily("Lefèvre"), givenName: "Hélène", birthDate: "1948-07-14", sex: "FEMALE", sitePatientId: uniqueFamily("ipp-") };
  ({ requestId } = await requestFor(db, at.referrer, patient));
  // The patient's study with its IPP (typed another case), one without IPP but her name (accents dropped) and birth date.
  uids.byIpp = (await sendStudy(deps, at.site.id, dicomPatientOf(patient, { patientId: patient.sitePatientId.toLowerCase(), familyName: "AUTRE" }), { studyDate: "20260105" })).studyInstanceUid;
  const plain = patient.familyName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase();
  uids.byTraits = (await sendStudy(deps, at.site.id, dicomPatientOf(patient, { patientId: "", familyName: plain }), { studyDate: "20260106" })).studyInstanceUid;
  // Another patient of the site, and the same patient's identity at another site.
  strangerFamily = uniqueFamily("MOREL");
  uids.stranger = (await sendStudy(deps, at.site.id, { familyName: strangerFamily, givenName: "LUCIEN", birthDate: "19581103", sex: "M", patientId: uniqueFamily("SAL") }, { accessionNumber: "ACC-MOREL", studyDate: "20251201" })).studyInstanceUid;
  uids.otherSite = (await sendStudy(deps, other.site.id, dicomPatientOf(patient), { studyDate: "20260107" })).studyInstanceUid;
  // Twelve namesakes of a common name: two pages.
  crowd = uniqueFamily("MARTIN");
  for (let i = 0; i < 12; i++) {
    await sendStudy(deps, at.site.id, { familyName: crowd, givenName: `PAUL${i}`, birthDate: "19600101", sex: "M", patientId: `${crowd}-${i}` }, { studyDate: `202601${String(10 + i).padStart(2, "0")}` });
  }
});

const search = async (criteria: Omit<UnlinkedStudySearchInput, "requestId"> = {}, actor: Actor = at.radiographer) => {
  const found = await searchUnlinkedStudies({ db, actor, search: unlinkedStudySearchSchema.parse({ requestId, ...criteria }) });
  return { ...found, uids: found.studies.map((s) => s.studyInstanceUid) };
};

describe("searching the site's unlinked studies from a request", () => {
  it("shows only the request's patient's studies when nothing is asked (same IPP, or same names and birth date)", async () => {
    const found = await search();
    expect(found.samePatientOnly).toBe(true);
    expect(new Set(found.uids)).toEqual(new Set([uids.byIpp, uids.byTraits]));
    expect(found.total).toBe(2);
    // Each row shows the identity the study was received with, not the request's.
    expect(found.studies.find((s) => s.studyInstanceUid === uids.byIpp)?.patientName).toBe("AUTRE^HÉLÈNE");
  });

  it("does not take a generic IPP on the request for the patient's: studies sent as UNKNOWN stay out of the default list", async () => {
    const unknownPatient = { ...patient, familyName: uniqueFamily("Inconnu"), sitePatientId: "UNKNOWN" };
    const { requestId: unknownRequest } = await requestFor(db, at.referrer, unknownPatient);
    const someoneElse = await sendStudy(deps, at.site.id, { familyName: uniqueFamily("X"), givenName: "Y", birthDate: "19900101", sex: "M", patientId: "UNKNOWN" });
    const found = await searchUnlinkedStudies({ db, actor: at.radiographer, search: unlinkedStudySearchSchema.parse({ requestId: unknownRequest }) });
    expect(found.studies.map((s) => s.id)).not.toContain(someoneElse.id);
    const asked = await searchUnlinkedStudies({ db, actor: at.radiographer, search: unlinkedStudySearchSchema.parse({ requestId: unknownRequest, patientId: "unknown" }) });
    expect(asked.studies.map((s) => s.id)).toContain(someoneElse.id);
  });

  it("finds by any part of the name, without case or accents, in any word order", async () => {
    expect((await search({ name: strangerFamily.toLowerCase().slice(2) })).uids).toEqual([uids.stranger]);
    expect((await search({ name: `lucien ${strangerFamily.toLowerCase()}` })).uids).toEqual([uids.stranger]);
    const accented = await search({ name: patient.familyName });
    expect(new Set(accented.uids)).toEqual(new Set([uids.byTraits]));
  });

  it("finds by IPP (its start, any case), accession, study date range and modality, never another site's study", async () => {
    expect(new Set((await search({ patientId: patient.sitePatientId.toUpperCase() })).uids)).toEqual(new Set([uids.byIpp]));
    expect((await search({ accessionNumber: "acc-morel" })).uids).toEqual([uids.stranger]);
    expect((await search({ name: strangerFamily, dateFrom: "2025-12-01", dateTo: "2025-12-01" })).uids).toEqual([uids.stranger]);
    expect((await search({ name: strangerFamily, dateFrom: "2025-12-02" })).uids).toEqual([]);
    expect((await search({ name: strangerFamily, modality: "mr" })).uids).toEqual([]);
    expect((await search({ name: strangerFamily, modality: "CT" })).uids).toEqual([uids.stranger]);
    expect((await search({ name: patient.familyName, patientId: patient.sitePatientId })).uids).not.toContain(uids.otherSite);
  });

  it("pages ten at a time, newest first, with the total", async () => {
    const first = await search({ name: crowd });
    const second = await search({ name: crowd, page: 2 });
    expect([first.total, first.studies.length, second.studies.length]).toEqual([12, 10, 2]);
    expect(first.studies.map((s) => s.patientName)[0]).toBe(`${crowd}^PAUL11`);
    expect(new Set([...first.uids, ...second.uids]).size).toBe(12);
    expect((await search({ name: crowd, page: 3 })).total).toBe(12);
  });

  it("drops a study once it is linked, and audits each search that showed patients", async () => {
    await linkStudy({ db, actor: at.radiographer, requestId, studyId: (await db.dicomStudy.findUniqueOrThrow({ where: { studyInstanceUid: uids.byTraits }, select: { id: true } })).id, confirmation: "Patient sans IPP à la modalité, identité vérifiée" });
    const found = await search();
    expect(found.uids).toEqual([uids.byIpp]);
    await flushReadAudits();
    const audits = await db.auditLog.findMany({ where: { action: "UNLINKED_STUDIES_SEARCHED", entityId: requestId, actorId: at.radiographer.id } });
    expect(audits.length).toBeGreaterThanOrEqual(5);
    expect(audits.some((a) => JSON.stringify(a.detail).includes("acc-morel"))).toBe(true);
  });

  it("answers only the request's site's staff: a radiologist reading for the site is refused, another site's staff do not find the request", async () => {
    await expect(search({}, at.radiologist)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(search({}, other.radiographer)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(search({ name: crowd }, at.referrer)).resolves.toMatchObject({ total: 12 });
  });

  it("answers 400 through the API to a reversed date range, 403 to a radiologist, and the page of results otherwise", async () => {
    const status = (promise: Promise<unknown>) =>
      promise.then(
        () => 200,
        (e: unknown) => (e instanceof TRPCError ? getHTTPStatusCodeFromError(e) : 500),
      );
    const asRadiographer = createCaller({ db, actor: at.radiographer });
    expect(await status(asRadiographer.images.searchUnlinked({ requestId, dateFrom: "2026-02-01", dateTo: "2026-01-01" }))).toBe(400);
    expect(await status(asRadiographer.images.searchUnlinked({ requestId, modality: "C T'--" }))).toBe(400);
    expect(await status(createCaller({ db, actor: at.radiologist }).images.searchUnlinked({ requestId }))).toBe(403);
    expect((await asRadiographer.images.searchUnlinked({ requestId, name: crowd, page: 2 })).studies).toHaveLength(2);
  });

  it("refuses a reversed date range and a malformed date with the field's reason", () => {
    expect(unlinkedStudySearchSchema.safeParse({ requestId, dateFrom: "2026-02-01", dateTo: "2026-01-01" }).error?.issues[0]).toMatchObject({ path: ["dateTo"], message: "validation.range" });
    expect(unlinkedStudySearchSchema.safeParse({ requestId, dateFrom: "01/02/2026" }).error?.issues[0]).toMatchObject({ path: ["dateFrom"], message: "validation.date" });
  });
});

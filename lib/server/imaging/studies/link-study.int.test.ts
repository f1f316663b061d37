import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { getRequest } from "../../services/requests/get-request";
import { dicomPatientOf, identitySite, requestFor, sendStudy, uniqueFamily, type IdentitySite, type RequestPatient } from "./identity-test-kit";
import { linkStudy } from "./link-study";
import { listRequestImages } from "./list-request-images";

// Linking compares the site's patient ID (IPP) as well as the names, birth date and sex: a
// namesake born the same day is another person, and a study sent without an ID is nobody's
// until a person says whose it is, with a reason.

const db = connectTestDb();
const deps = testImageDeps(db);
let at: IdentitySite;

beforeAll(async () => {
  at = await identitySite(db);
});

const person = (): RequestPatient => ({ familyName: uniqueFamily("Garnier"), givenName: "Odette", birthDate: "1941-05-12", sex: "FEMALE", sitePatientId: uniqueFamily("SAL-") });

describe("linking a study to a request compares the IPP", () => {
  it("links by accession at once when the IPP (any case) and the traits agree", async () => {
    const patient = person();
    const { requestId, accessionNumber } = await requestFor(db, at.referrer, patient);
    const study = await sendStudy(deps, at.site.id, dicomPatientOf(patient, { patientId: ` ${patient.sitePatientId.toLowerCase()}` }), { accessionNumber });
    expect(study).toMatchObject({ requestId, linkState: "LINKED" });
  });

  it("holds a link by accession whose IPP differs until a person confirms it with a reason", async () => {
    const patient = person();
    const { requestId, accessionNumber } = await requestFor(db, at.referrer, patient);
    const otherIpp = uniqueFamily("SAL-");
    await sendStudy(deps, at.site.id, dicomPatientOf(patient, { patientId: otherIpp }), { accessionNumber });

    const pending = (await listRequestImages({ db, actor: at.radiographer, requestId })).studies[0]!;
    expect(pending).toMatchObject({ linkState: "NEEDS_CONFIRMATION", patientId: otherIpp, viewable: true });
    expect(pending.linkMismatch).toEqual([{ field: "sitePatientId", request: patient.sitePatientId, dicom: otherIpp }]);
    expect((await getRequest({ db, actor: at.referrer, requestId })).timeline.map((e) => e.type)).not.toContain("STUDY_LINKED");

    expect(await linkStudy({ db, actor: at.radiographer, requestId, studyId: pending.id, confirmation: "IPP de l'ancien dossier, fusion en cours" })).toEqual({ state: "LINKED" });
    const detail = await getRequest({ db, actor: at.referrer, requestId });
    expect(detail.timeline.find((e) => e.type === "STUDY_LINKED")?.reason).toBe("IPP de l'ancien dossier, fusion en cours");
  });

  it("asks for a reason when a study found by search has no Patient ID, and records who confirmed it", async () => {
    const patient = person();
    const { requestId } = await requestFor(db, at.referrer, patient);
    const study = await sendStudy(deps, at.site.id, dicomPatientOf(patient, { patientId: "" }));

    const outcome = await linkStudy({ db, actor: at.radiographer, requestId, studyId: study.id, confirmation: null });
    expect(outcome).toEqual({ state: "NEEDS_CONFIRMATION", mismatches: [{ field: "sitePatientId", request: patient.sitePatientId, dicom: "" }] });
    expect((await listRequestImages({ db, actor: at.radiographer, requestId })).studies.map((s) => s.linkState)).toEqual(["NEEDS_CONFIRMATION"]);

    await linkStudy({ db, actor: at.radiographer, requestId, studyId: study.id, confirmation: "Examen en mode urgence sans IPP" });
    const row = await db.dicomStudy.findUniqueOrThrow({ where: { id: study.id }, select: { linkState: true, linkedById: true, linkReason: true } });
    expect(row).toEqual({ linkState: "LINKED", linkedById: at.radiographer.id, linkReason: "Examen en mode urgence sans IPP" });
    const audit = await db.auditLog.findFirst({ where: { action: "STUDY_LINK_CONFIRMED", entityId: study.id } });
    expect(audit?.actorId).toBe(at.radiographer.id);
  });

  it("flags a namesake born the same day whose IPP differs, even when every trait agrees", async () => {
    const patient = person();
    const { requestId } = await requestFor(db, at.referrer, patient);
    const namesake = await sendStudy(deps, at.site.id, dicomPatientOf(patient, { patientId: uniqueFamily("SAL-") }));
    const outcome = await linkStudy({ db, actor: at.radiographer, requestId, studyId: namesake.id, confirmation: null });
    expect(outcome.state === "NEEDS_CONFIRMATION" && outcome.mismatches.map((m) => m.field)).toEqual(["sitePatientId"]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { openViewer } from "../../services/viewer/open-viewer";
import { dicomPatientOf, identitySite, requestFor, sendStudy, uniqueFamily, type IdentitySite, type RequestPatient } from "./identity-test-kit";
import { listRequestImages } from "./list-request-images";

// A study keeps the identity it was received with, and studies group under one patient only
// when ID, issuer and identity agree: a site that reuses an IPP, or sends none, never puts
// one person's name on another's images, and never offers one's images as another's priors.

const db = connectTestDb();
const deps = testImageDeps(db);
let at: IdentitySite;

beforeAll(async () => {
  at = await identitySite(db);
});

const shownNames = async (requestId: string) => (await listRequestImages({ db, actor: at.radiographer, requestId })).studies.map((s) => s.patientName);

describe("patient identity of received studies", () => {
  it("keeps two people apart when the site sent them with the same Patient ID, each request page showing its own study's name", async () => {
    const ipp = uniqueFamily("IPP");
    const jeanne: RequestPatient = { familyName: uniqueFamily("DUPONT"), givenName: "Jeanne", birthDate: "1948-07-14", sex: "FEMALE", sitePatientId: ipp };
    const paul: RequestPatient = { familyName: uniqueFamily("MARTIN"), givenName: "Paul", birthDate: "1961-02-03", sex: "MALE", sitePatientId: ipp };
    const forJeanne = await requestFor(db, at.referrer, jeanne);
    const forPaul = await requestFor(db, at.referrer, paul);
    const first = await sendStudy(deps, at.site.id, dicomPatientOf(jeanne), { accessionNumber: forJeanne.accessionNumber });
    const second = await sendStudy(deps, at.site.id, dicomPatientOf(paul), { accessionNumber: forPaul.accessionNumber });

    expect(second.patientRef).not.toBe(first.patientRef);
    expect(await shownNames(forJeanne.requestId)).toEqual([`${jeanne.familyName}^JEANNE`]);
    expect(await shownNames(forPaul.requestId)).toEqual([`${paul.familyName}^PAUL`]);
    // Both linked by accession without a confirmation: each matches its own request.
    expect([first.linkState, second.linkState]).toEqual(["LINKED", "LINKED"]);
  });

  it.each([
    ["an empty", ""],
    ["a generic", "UNKNOWN"],
  ])("never groups two studies received with %s Patient ID, even under the same name", async (_label, patientId) => {
    const family = uniqueFamily("ANON");
    const person = { familyName: family, givenName: "JEAN", birthDate: "19700101", sex: "M" as const, patientId };
    const first = await sendStudy(deps, at.site.id, person);
    const second = await sendStudy(deps, at.site.id, person);
    expect(second.patientRef).not.toBe(first.patientRef);
    expect([first.patientId, second.patientId]).toEqual([patientId, patientId]);
  });

  it("groups the same ID and issuer with a consistent identity, and offers the earlier study as the holder's prior", async () => {
    const patient: RequestPatient = { familyName: uniqueFamily("Lefèvre"), givenName: "Hélène", birthDate: "1950-03-02", sex: "FEMALE", sitePatientId: uniqueFamily("IPP") };
    const earlier = await requestFor(db, at.referrer, patient, { submittedAt: new Date("2025-06-01T08:00:00Z"), status: "SIGNED" });
    const current = await requestFor(db, at.referrer, patient, { submittedAt: new Date("2026-01-10T08:00:00Z"), status: "IN_READING", holderId: at.radiologist.id });
    const old = await sendStudy(deps, at.site.id, dicomPatientOf(patient, { familyName: patient.familyName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase() }), { accessionNumber: earlier.accessionNumber, studyDate: "20250601" });
    const now = await sendStudy(deps, at.site.id, dicomPatientOf(patient), { accessionNumber: current.accessionNumber, studyDate: "20260110" });
    expect(now.patientRef).toBe(old.patientRef);
    expect(old.linkState).toBe("LINKED");

    const opening = await openViewer({ db, actor: at.radiologist, requestId: current.requestId });
    expect(opening.priors.map((p) => p.studyInstanceUid)).toEqual([old.studyInstanceUid]);
  });

  it("never offers as a prior a study sent without a Patient ID until a person confirmed whose it is", async () => {
    const patient: RequestPatient = { familyName: uniqueFamily("BERNARD"), givenName: "Lucie", birthDate: "1939-09-09", sex: "FEMALE", sitePatientId: uniqueFamily("IPP") };
    const earlier = await requestFor(db, at.referrer, patient, { submittedAt: new Date("2025-03-01T08:00:00Z"), status: "SIGNED" });
    const current = await requestFor(db, at.referrer, patient, { submittedAt: new Date("2026-02-01T08:00:00Z"), status: "IN_READING", holderId: at.radiologist.id });
    // Same name and birth date, no Patient ID: sent with the earlier request's accession number.
    const anonymous = await sendStudy(deps, at.site.id, dicomPatientOf(patient, { patientId: "" }), { accessionNumber: earlier.accessionNumber, studyDate: "20250301" });
    expect(anonymous).toMatchObject({ linkState: "NEEDS_CONFIRMATION", requestId: earlier.requestId });
    expect(anonymous.linkMismatch).toEqual([{ field: "sitePatientId", request: patient.sitePatientId, dicom: "" }]);

    const opening = await openViewer({ db, actor: at.radiologist, requestId: current.requestId });
    expect(opening.priors).toEqual([]);
  });
});

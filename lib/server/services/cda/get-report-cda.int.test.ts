import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SECTIONS } from "@/lib/domain/cda/cda-codes";
import { withInsKey } from "@/lib/domain/ins-key";
import { parseCda } from "@/lib/testing/cda/cda-xpath";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { insertReportVersion, insertTemplate } from "../../reports/signed-report-test-kit";
import { insertRequests } from "../assignment/assignment-test-kit";
import { buildCdaForVersion } from "./build-cda-for-version";
import { getReportCda } from "./get-report-cda";

const db = connectTestDb();

/** A site's referrer, a foreign referrer, and a CT request with its study, a signed report, an addendum and a draft. */
async function signedRequest(options: { insStatus: "QUALIFIED" | "VALIDATED" }) {
  const [site, otherSite] = await Promise.all([createSite(db, "Centre hospitalier"), createSite(db, "Autre site")]);
  const [referrer, radiographer, foreignReferrer] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "REFERRER", siteId: otherSite.id }).then((u) => actorOf(db, u.id)),
  ]);
  const radiologistUser = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: "Dr Paul Durand" });
  const rpps = String(10_000_000_000 + Math.floor(Math.random() * 9_000_000_000)).slice(0, 11);
  await db.user.update({ where: { id: radiologistUser.id }, data: { rpps } });
  const radiologist = await actorOf(db, radiologistUser.id);
  const [requestId] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: radiologist.id, priority: "URGENT" });
  const ins = withInsKey("2790351215189");
  await db.readingRequest.update({
    where: { id: requestId! },
    data: { patientIns: ins, patientInsStatus: options.insStatus, examPerformedAt: new Date("2026-03-01T09:30:00Z"), doseReport: "PDL 812 mGy.cm" },
  });
  const studyInstanceUid = `2.25.${BigInt(`0x${randomUUID().replace(/-/g, "")}`).toString()}`;
  const patient = await db.dicomPatient.create({ data: { siteId: site.id, groupKey: `id::${randomUUID()}`, patientId: "P1", name: "PATIENT^TEST" }, select: { id: true } });
  await db.dicomStudy.create({ data: { studyInstanceUid, siteId: site.id, patientRef: patient.id, requestId: requestId!, linkState: "LINKED" } });
  // A study awaiting confirmation (its identity differs) is not documented as this patient's exam.
  await db.dicomStudy.create({ data: { studyInstanceUid: `${studyInstanceUid}.9`, siteId: site.id, patientRef: patient.id, requestId: requestId!, linkState: "NEEDS_CONFIRMATION" } });

  const template = await insertTemplate(db);
  const common = { requestId: requestId!, templateId: template.id, signer: { id: radiologistUser.id, displayName: radiologistUser.displayName } };
  const original = await insertReportVersion(db, {
    ...common,
    sequence: 0,
    narrative: "Parenchyme\nPas d'hémorragie intracrânienne & pas d'effet de masse (<5 mm).",
    conclusion: "Pas de signe d'accident vasculaire hémorragique.",
    signedAt: new Date("2026-03-01T10:42:00Z"),
  });
  const addendum = await insertReportVersion(db, {
    ...common,
    sequence: 1,
    narrative: "Relecture : lacune ancienne du noyau lenticulaire droit.",
    conclusion: "Lacune ancienne, sans caractère aigu.",
    signedAt: new Date("2026-03-01T11:05:00Z"),
    previousFingerprint: original.fingerprint,
  });
  const draft = await insertReportVersion(db, { ...common, sequence: 2, narrative: "Brouillon", conclusion: "", signedAt: null });
  const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId! }, select: { accessionNumber: true } });
  return { site, referrer, radiographer, radiologist, foreignReferrer, rpps, ins, studyInstanceUid, requestId: requestId!, original, addendum, draft, ...request };
}

describe("the CDA of a signed version", () => {
  it("gives the site's referrer the CI-SIS document with the study, the accession, the RPPS and the qualified INS, and audits it", async () => {
    const t = await signedRequest({ insStatus: "QUALIFIED" });
    const { fileName, xml } = await getReportCda({ db, actor: t.referrer, versionId: t.original.id });
    expect(fileName).toBe(`CR-${t.accessionNumber}-v0.xml`);
    const cda = parseCda(xml);
    expect(cda.values("//cda:documentationOf/cda:serviceEvent/cda:id/@root")).toEqual([t.studyInstanceUid]);
    expect(cda.values("//cda:inFulfillmentOf/cda:order/ps3-20:accessionNumber/@extension")).toEqual([t.accessionNumber]);
    expect(cda.values("//cda:legalAuthenticator/cda:assignedEntity/cda:id/@extension")).toEqual([`8${t.rpps}`]);
    expect(cda.values("//cda:recordTarget/cda:patientRole/cda:id/@extension")).toContain(t.ins);
    expect(cda.values(`//cda:section[cda:templateId/@root='${SECTIONS.findings.templateIds[1]}']/cda:text`).join()).toContain("Pas d'hémorragie intracrânienne & pas d'effet de masse (<5 mm).");
    expect(cda.values(`//cda:section[cda:templateId/@root='${SECTIONS.radiationExposure.templateIds[1]}']/cda:text`).join()).toContain("PDL 812 mGy.cm");
    expect(cda.count("/cda:ClinicalDocument/cda:relatedDocument")).toBe(0);
    // Same version, same bytes: the ORU^R01 and a later download carry one document.
    expect(await buildCdaForVersion(db, t.original.id)).toBe(xml);
    expect(await db.auditLog.count({ where: { action: "REPORT_CDA_DOWNLOADED", entityId: t.original.id, actorId: t.referrer.id, siteId: t.site.id } })).toBe(1);
  });

  it("leaves the INS out of the document when the identity is not qualified", async () => {
    const t = await signedRequest({ insStatus: "VALIDATED" });
    const cda = parseCda(await buildCdaForVersion(db, t.original.id));
    expect(cda.values("//cda:recordTarget/cda:patientRole/cda:id/@extension")).not.toContain(t.ins);
    expect(cda.count("//cda:recordTarget/cda:patientRole/cda:id")).toBe(1);
  });

  it("makes the addendum's document replace the original's, with the same set and the next version number", async () => {
    const t = await signedRequest({ insStatus: "QUALIFIED" });
    const first = parseCda(await buildCdaForVersion(db, t.original.id));
    const second = parseCda(await buildCdaForVersion(db, t.addendum.id));
    expect(second.values("//cda:relatedDocument[@typeCode='RPLC']/cda:parentDocument/cda:id/@root")).toEqual(first.values("/cda:ClinicalDocument/cda:id/@root"));
    expect(second.values("/cda:ClinicalDocument/cda:setId/@root")).toEqual(first.values("/cda:ClinicalDocument/cda:setId/@root"));
    expect(second.values("/cda:ClinicalDocument/cda:versionNumber/@value")).toEqual(["2"]);
    expect(second.values(`//cda:section[cda:templateId/@root='${SECTIONS.addendum.templateIds[1]}']/cda:text`).join()).toContain("Lacune ancienne, sans caractère aigu.");
  });

  it("answers NOT_FOUND for a draft, an unknown version and another site's referrer; FORBIDDEN to a radiographer", async () => {
    const t = await signedRequest({ insStatus: "QUALIFIED" });
    await expect(getReportCda({ db, actor: t.referrer, versionId: t.draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(buildCdaForVersion(db, t.draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReportCda({ db, actor: t.referrer, versionId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReportCda({ db, actor: t.foreignReferrer, versionId: t.original.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReportCda({ db, actor: t.radiographer, versionId: t.original.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditLog.count({ where: { action: "REPORT_CDA_DOWNLOADED", entityId: t.original.id } })).toBe(0);
  });
});

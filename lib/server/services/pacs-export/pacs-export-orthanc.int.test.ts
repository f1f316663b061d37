import { randomBytes, randomInt } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Orthanc, startOrthanc } from "@/lib/testing/orthanc";
import { buildTestStudy } from "@/lib/testing/qido-test-studies";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createUser, FACTORY_PASSWORD } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { getReportPanel } from "../reports/get-report-panel";
import { draftReadyToSign } from "../reports/report-test-kit";
import { saveDraft } from "../reports/save-draft";
import { signReport } from "../reports/sign-report";
import { startAddendum } from "../reports/start-addendum";
import { storeReportExport } from "./store-report-export";

// Orthanc as the site's PACS receiving the signed report. An administrator registers it (and two
// destinations that cannot work: a wrong called AE title, which Orthanc rejects, and a port where
// nothing listens); the radiologist signs a report on a request whose study Orthanc holds; each
// export is stored by C-STORE into that study, under the patient as Orthanc knows them (not as
// the request form spelled them), Orthanc shows the PDF, the SR holds the text, and the addendum
// names the original as its predecessor. The refusal fails at once with the reason; the PACS
// that is down keeps the export queued with its attempts, then failed after the last one.

const db = connectTestDb(6);
const CALLING_AE = "TELERADIO_IT";
const ORTHANC_AE = "SITE_PACS";
let orthanc: Orthanc;
let closedPort = 0;

beforeAll(async () => {
  orthanc = await startOrthanc({ aeTitle: ORTHANC_AE, config: { DicomCheckCalledAet: true, DicomAlwaysAllowStore: true } });
  closedPort = await new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}, 60_000);

afterAll(async () => {
  await orthanc?.stop();
});

const attempt = (exportId: string, now = new Date()) => storeReportExport({ db, exportId, now, jobId: 0n, callingAeTitle: CALLING_AE, timeoutMs: 5_000 });

async function lookup(sopInstanceUid: string): Promise<string> {
  const [found] = await orthanc.rest<{ ID: string; Type: string }[]>("POST", "/tools/lookup", new TextEncoder().encode(sopInstanceUid));
  if (!found || found.Type !== "Instance") throw new Error(`Orthanc has no instance ${sopInstanceUid}`);
  return found.ID;
}

describe("the signed report stored at the site's PACS (Orthanc)", () => {
  it("stores the PDF and the SR into the study under the PACS's patient, and the addendum with its predecessor; a refusal fails, a PACS down stays queued", async () => {
    const t = await draftReadyToSign(db);
    const rpps = `1${String(randomInt(0, 10 ** 9)).padStart(10, "0")}`;
    await db.user.update({ where: { id: t.radiologist.id }, data: { rpps } });
    const admin = createCaller({ db, actor: await actorOf(db, (await createUser(db, { role: "ADMIN" })).id) });

    // The study as the site's PACS holds it: its own spelling of the patient, its IPP.
    const tag = randomBytes(3).toString("hex").toUpperCase();
    const study = buildTestStudy({
      patientName: { Alphabetic: `PACS${tag}^Hélène` },
      patientId: `IPP${tag}`,
      birthDate: "19610203",
      sex: "F",
      studyDate: "20261207",
      studyTime: "093000",
      referringPhysicianName: "",
      studyId: "12",
      accessionNumber: `A${tag}`,
      studyDescription: "TDM CRANE",
      series: [{ source: "CT", seriesNumber: 1, seriesDescription: "CT", instances: 1 }],
    });
    const [firstImage] = await orthanc.upload(study.files);
    const orthancStudy = await orthanc.rest<{ ID: string; ParentPatient: string }>("GET", `/instances/${firstImage}/study`);
    const patient = await db.dicomPatient.create({ data: { siteId: t.site.id, groupKey: `id::IPP${tag}`, patientId: `IPP${tag}`, name: `PACS${tag}^Hélène`, birthDate: "19610203", sex: "F" } });
    await db.dicomStudy.create({
      data: {
        studyInstanceUid: study.studyInstanceUid,
        siteId: t.site.id,
        patientRef: patient.id,
        patientName: `PACS${tag}^Hélène`,
        patientId: `IPP${tag}`,
        patientBirthDate: "19610203",
        patientSex: "F",
        studyDate: "20261207",
        studyTime: "093000",
        accessionNumber: `A${tag}`,
        studyId: "12",
        studyDescription: "TDM CRANE",
        requestId: t.requestId,
        linkMethod: "MANUAL",
        linkState: "LINKED",
      },
    });
    // A second study waiting for confirmation of its link: it may be another patient's, nothing goes there.
    const pendingPatient = await db.dicomPatient.create({ data: { siteId: t.site.id, groupKey: `id::OTHER${tag}`, patientId: `OTHER${tag}`, name: "AUTRE^Patient" } });
    await db.dicomStudy.create({ data: { studyInstanceUid: `2.25.${randomInt(1, 2 ** 40)}${randomInt(1, 2 ** 40)}`, siteId: t.site.id, patientRef: pendingPatient.id, patientId: `OTHER${tag}`, requestId: t.requestId, linkMethod: "ACCESSION", linkState: "NEEDS_CONFIRMATION" } });

    const good = await admin.reportDestinations.create({ siteId: t.site.id, label: "PACS du CHU", aeTitle: ORTHANC_AE, host: "127.0.0.1", port: String(orthanc.dicomPort), sendPdf: true, sendSr: true });
    const wrongAe = await admin.reportDestinations.create({ siteId: t.site.id, label: "Mauvais AE", aeTitle: `WRONG_${tag}`, host: "127.0.0.1", port: orthanc.dicomPort, sendPdf: true, sendSr: false });
    const down = await admin.reportDestinations.create({ siteId: t.site.id, label: "PACS éteint", aeTitle: `DOWN_${tag}`, host: "127.0.0.1", port: closedPort, sendPdf: false, sendSr: true });

    const signed = await signReport({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: t.draft.id, draftVersion: t.draftVersion, password: FACTORY_PASSWORD } });
    const exports = await db.reportPacsExport.findMany({ where: { reportVersionId: signed.versionId }, select: { id: true, destinationId: true, format: true, state: true, studyInstanceUid: true, seriesInstanceUid: true, sopInstanceUid: true } });
    expect(exports.map((row) => `${row.destinationId === good.id ? "good" : row.destinationId === wrongAe.id ? "wrongAe" : "down"} ${row.format} ${row.state}`).sort()).toEqual([
      "down BASIC_TEXT_SR QUEUED",
      "good BASIC_TEXT_SR QUEUED",
      "good ENCAPSULATED_PDF QUEUED",
      "wrongAe ENCAPSULATED_PDF QUEUED",
    ]);
    expect(exports.every((row) => row.studyInstanceUid === study.studyInstanceUid)).toBe(true);
    // Each is in the outbox with its job, written with the signature.
    expect(await db.job.count({ where: { kind: "pacs.storeReport", dedupeKey: { in: exports.map((row) => `pacs.storeReport:${row.id}:queued`) } } })).toBe(4);
    const byKey = (destinationId: string, format: string) => exports.find((row) => row.destinationId === destinationId && row.format === format)!;

    // Stored at Orthanc, into the study it holds, under its patient.
    const pdfExport = byKey(good.id, "ENCAPSULATED_PDF");
    const srExport = byKey(good.id, "BASIC_TEXT_SR");
    expect(await attempt(pdfExport.id)).toBe("STORED");
    expect(await attempt(srExport.id)).toBe("STORED");
    // Again (a job run twice): nothing more happens.
    expect(await attempt(pdfExport.id)).toBe("NOTHING_TO_DO");
    const pdfInstance = await lookup(pdfExport.sopInstanceUid);
    const srInstance = await lookup(srExport.sopInstanceUid);
    for (const instance of [pdfInstance, srInstance]) {
      const parentStudy = await orthanc.rest<{ ID: string; ParentPatient: string; MainDicomTags: Record<string, string> }>("GET", `/instances/${instance}/study`);
      expect(parentStudy.ID).toBe(orthancStudy.ID);
      expect(parentStudy.ParentPatient).toBe(orthancStudy.ParentPatient);
    }
    const pdfTags = await orthanc.rest<Record<string, unknown>>("GET", `/instances/${pdfInstance}/simplified-tags`);
    expect(pdfTags).toMatchObject({ PatientName: `PACS${tag}^Hélène`, PatientID: `IPP${tag}`, AccessionNumber: `A${tag}`, Modality: "DOC", SOPClassUID: "1.2.840.10008.5.1.4.1.1.104.1", SeriesInstanceUID: pdfExport.seriesInstanceUid, BurnedInAnnotation: "YES", MIMETypeOfEncapsulatedDocument: "application/pdf" });
    const pdf = await fetch(`${orthanc.url}/instances/${pdfInstance}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const srTags = JSON.stringify(await orthanc.rest("GET", `/instances/${srInstance}/simplified-tags`));
    expect(srTags).toContain('"VerificationFlag":"VERIFIED"');
    expect(srTags).toContain(rpps);
    const conclusion = (await db.reportVersion.findUniqueOrThrow({ where: { id: signed.versionId }, select: { conclusion: true } })).conclusion!;
    expect(srTags).toContain(JSON.stringify(conclusion).slice(1, -1));

    // Orthanc rejects the association (called AE title unknown): failed at once, with the reason, not retried.
    const refused = byKey(wrongAe.id, "ENCAPSULATED_PDF");
    expect(await attempt(refused.id)).toBe("FAILED");
    expect(await db.reportPacsExport.findUniqueOrThrow({ where: { id: refused.id }, select: { state: true, attempts: true, errorText: true } })).toMatchObject({ state: "FAILED", attempts: 1, errorText: expect.stringContaining("association rejected") });
    expect(await db.job.count({ where: { kind: "pacs.storeReport", dedupeKey: { startsWith: `pacs.storeReport:${refused.id}:retry` } } })).toBe(0);

    // The PACS that is down: queued again with the attempt counted and the reason, visible to whoever sees the request.
    const unreachable = byKey(down.id, "BASIC_TEXT_SR");
    const t0 = new Date();
    expect(await attempt(unreachable.id, t0)).toBe("RETRY_SCHEDULED");
    const afterFirst = await db.reportPacsExport.findUniqueOrThrow({ where: { id: unreachable.id }, select: { state: true, attempts: true, errorText: true } });
    expect(afterFirst).toMatchObject({ state: "QUEUED", attempts: 1 });
    expect(afterFirst.errorText).toBeTruthy();
    expect(await db.job.findFirst({ where: { dedupeKey: { startsWith: `pacs.storeReport:${unreachable.id}:retry:1` } }, select: { runAt: true } })).toEqual({ runAt: new Date(t0.getTime() + 30_000) });
    const referrer = createCaller({ db, actor: t.referrer });
    const seen = await referrer.pacsExports.forRequest({ requestId: t.requestId });
    expect(seen.map((row) => `${row.aeTitle} ${row.format} ${row.state} ${row.attempts}`).sort()).toEqual([
      `${ORTHANC_AE} BASIC_TEXT_SR STORED 1`,
      `${ORTHANC_AE} ENCAPSULATED_PDF STORED 1`,
      `DOWN_${tag} BASIC_TEXT_SR QUEUED 1`,
      `WRONG_${tag} ENCAPSULATED_PDF FAILED 1`,
    ].sort());
    // The operations board lists the failed one, and the queued one once it has waited five minutes.
    const head = createCaller({ db, actor: await actorOf(db, (await createUser(db, { role: "DEPARTMENT_HEAD" })).id) });
    const onBoard = (await head.pacsExports.problems()).filter((row) => row.requestId === t.requestId).map((row) => row.id);
    expect(onBoard).toEqual([refused.id]);
    for (let n = 2; n <= 6; n++) await attempt(unreachable.id, new Date(t0.getTime() + n * 3_600_000));
    expect(await db.reportPacsExport.findUniqueOrThrow({ where: { id: unreachable.id }, select: { state: true, attempts: true, errorText: true } })).toMatchObject({ state: "FAILED", attempts: 6, errorText: expect.stringContaining("after 6 attempts") });
    expect(await db.auditLog.count({ where: { action: "REPORT_PACS_EXPORT_ATTEMPT", entityId: unreachable.id } })).toBe(6);

    // "Renvoyer" on a failed export: the same instance, a fresh schedule, audited; a stored one is not resent.
    expect(await head.pacsExports.retry({ exportId: refused.id })).toEqual({ id: refused.id, state: "QUEUED" });
    expect(await db.auditLog.count({ where: { action: "REPORT_PACS_EXPORT_RETRIED", entityId: refused.id } })).toBe(1);
    await expect(head.pacsExports.retry({ exportId: pdfExport.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(referrer.pacsExports.retry({ exportId: refused.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The addendum: new series, new instances, the SR naming the original's SR as its predecessor.
    await startAddendum({ db, actor: t.radiologist, requestId: t.requestId });
    const addendum = (await getReportPanel({ db, actor: t.radiologist, requestId: t.requestId })).draft!;
    const saved = await saveDraft({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: addendum.id, draftVersion: addendum.draftVersion, values: { ...addendum.values, addendum_note: "Nodule apical droit de 6 mm." } } });
    const second = await signReport({ db, actor: t.radiologist, input: { requestId: t.requestId, draftId: addendum.id, draftVersion: saved.draftVersion, password: FACTORY_PASSWORD } });
    const addendumSr = await db.reportPacsExport.findFirstOrThrow({ where: { reportVersionId: second.versionId, destinationId: good.id, format: "BASIC_TEXT_SR" } });
    expect(addendumSr.seriesInstanceUid).not.toBe(srExport.seriesInstanceUid);
    expect(await attempt(addendumSr.id)).toBe("STORED");
    const addendumTags = await orthanc.rest<Record<string, unknown>>("GET", `/instances/${await lookup(addendumSr.sopInstanceUid)}/simplified-tags`);
    expect(addendumTags.SeriesNumber).toBe("9002");
    expect(JSON.stringify(addendumTags.PredecessorDocumentsSequence)).toContain(srExport.sopInstanceUid);
    expect(JSON.stringify(addendumTags)).toContain("Nodule apical droit de 6 mm.");
    const studyInstances = await orthanc.rest<unknown[]>("GET", `/studies/${orthancStudy.ID}/instances`);
    expect(studyInstances).toHaveLength(1 + 2 + 1);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withInsKey } from "@/lib/domain/ins-key";
import { NIR_OID } from "@/lib/domain/modality-worklist/ins-issuer";
import { localDicomDateTime, studyInstanceUidOf } from "@/lib/domain/modality-worklist/worklist-item";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { ctHeadSeries } from "@/lib/dicom/synthetic";
import { registerAeSender, runTool, tempDir, writeFiles } from "../dimse/dimse-test-kit";
import { type DicomListener, startDicomListener } from "../dimse/start-dicom-listener";
import { findWorklist, requestAtProtocol, SCANNER_KEYS } from "./worklist-test-kit";
import type { NaturalDataset } from "./worklist-query";

// DCMTK's findscu as a site's scanner querying the worklist (C-FIND, Modality Worklist model).

const db = connectTestDb();
const deps = testImageDeps(db);
const CALLED_AE = "TELERAD_MWL";
const logs: string[] = [];
let listener: DicomListener;

beforeAll(async () => {
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: (line) => logs.push(line) });
});
afterAll(() => listener.close());

const peer = () => ({ port: listener.port, calledAe: CALLED_AE });
const step = (item: NaturalDataset) => ((item.ScheduledProcedureStepSequence as NaturalDataset[] | undefined) ?? [])[0] ?? {};
const nameOf = (item: NaturalDataset) => (item.PatientName as { Alphabetic: string }[] | undefined)?.[0]?.Alphabetic;
const INS = withInsKey("2500375123456");

async function scannerSite() {
  const site = await createSite(db);
  const sender = await registerAeSender(db, site.id);
  return { site, sender };
}

describe("the Modality Worklist SCP", () => {
  it("lists the site's protocolled requests as a scanner shows them, and nothing else", async () => {
    const { site, sender } = await scannerSite();
    const other = await scannerSite();
    const protocolAt = new Date("2026-12-07T09:15:00Z");
    const ready = await requestAtProtocol(db, site.id, { familyName: "Dûpont", givenName: "Hélène", protocolAt, ins: { value: INS, status: "QUALIFIED" } });
    const arriving = await requestAtProtocol(db, site.id, { status: "IMAGES_ARRIVING", familyName: "Lefèvre", ins: { value: withInsKey("1690575123456"), status: "VALIDATED" } });
    const notProtocolled = await requestAtProtocol(db, site.id, { status: "SUBMITTED" });
    const cancelled = await requestAtProtocol(db, site.id, { status: "CANCELLED" });
    const complete = await requestAtProtocol(db, site.id, { status: "IMAGES_COMPLETE" });
    const foreign = await requestAtProtocol(db, other.site.id, { familyName: "Etranger" });

    const run = await findWorklist(peer(), sender.aeTitle, SCANNER_KEYS);
    expect(run.code, run.output).toBe(0);
    const accessions = run.items.map((item) => item.AccessionNumber);
    expect(accessions.sort()).toEqual([ready.accessionNumber, arriving.accessionNumber].sort());
    for (const absent of [notProtocolled, cancelled, complete, foreign]) expect(accessions).not.toContain(absent.accessionNumber);

    const item = run.items.find((candidate) => candidate.AccessionNumber === ready.accessionNumber)!;
    const { date, time } = localDicomDateTime(protocolAt);
    expect(item).toMatchObject({
      SpecificCharacterSet: "ISO_IR 192",
      PatientID: ready.sitePatientId,
      PatientBirthDate: "19500302",
      PatientSex: "F",
      StudyInstanceUID: studyInstanceUidOf(ready.requestId),
      RequestedProcedureID: ready.accessionNumber,
      RequestedProcedurePriority: "HIGH",
    });
    expect(nameOf(item)).toBe("Dûpont^Hélène");
    expect((item.ReferringPhysicianName as { Alphabetic: string }[])[0]?.Alphabetic).toBe(`Dr Prescripteur ${ready.tag}`);
    expect(step(item)).toMatchObject({
      Modality: "CT",
      ScheduledStationAETitle: sender.aeTitle,
      ScheduledProcedureStepStartDate: date,
      ScheduledProcedureStepStartTime: time,
      ScheduledProcedureStepID: ready.accessionNumber,
    });
    // As a DCMTK-based scanner decodes them: UTF-8 declared once, inherited by the step's item.
    const shown = run.dumps[run.items.indexOf(item)] ?? "";
    expect(shown).toContain("[Dûpont^Hélène]");
    expect(shown).toContain("[TDM cérébrale sans injection]");
    // The INS travels only for the qualified identity, with the OID of its issuer.
    expect(item.OtherPatientIDsSequence).toEqual([expect.objectContaining({ PatientID: INS, IssuerOfPatientID: NIR_OID })]);
    const validated = run.items.find((candidate) => candidate.AccessionNumber === arriving.accessionNumber)!;
    expect(validated.OtherPatientIDsSequence ?? []).toEqual([]);
    expect(JSON.stringify(validated)).not.toContain(withInsKey("1690575123456"));

    // The other site's scanner sees its own request only.
    const theirs = await findWorklist(peer(), other.sender.aeTitle, SCANNER_KEYS);
    expect(theirs.items.map((entry) => entry.AccessionNumber)).toEqual([foreign.accessionNumber]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "DICOM_WORKLIST_QUERIED", entityId: sender.id }, orderBy: { id: "desc" }, select: { siteId: true, detail: true } });
    expect(audit.siteId).toBe(site.id);
    expect(audit.detail).toMatchObject({ callingAeTitle: sender.aeTitle, channel: "DIMSE", results: 2 });
    expect(((audit.detail as { requests: string[] }).requests ?? []).sort()).toEqual([ready.requestId, arriving.requestId].sort());
  });

  it("matches the scheduled date range, the modality and the patient's name with wildcards", async () => {
    const { site, sender } = await scannerSite();
    // Protocols dated two and three days ahead: each item is then scheduled on its own day only
    // (a waiting item also counts for the days from its protocol until now).
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
    const first = localDicomDateTime(day(2)).date;
    const second = localDicomDateTime(day(3)).date;
    const monday = await requestAtProtocol(db, site.id, { familyName: "Martin", givenName: "Élise", protocolAt: day(2) });
    const tuesday = await requestAtProtocol(db, site.id, { familyName: "Moreau", modality: "MR", protocolLabel: "IRM encéphale", protocolAt: day(3) });
    const find = async (keys: string[]) => {
      const run = await findWorklist(peer(), sender.aeTitle, ["AccessionNumber", "PatientName", ...keys]);
      expect(run.code, run.output).toBe(0);
      return run.items.map((item) => item.AccessionNumber).sort();
    };
    expect(await find([`ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=-${localDicomDateTime(new Date()).date}`])).toEqual([]);
    const both = [monday.accessionNumber, tuesday.accessionNumber].sort();
    expect(await find([`ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=${first}`])).toEqual([monday.accessionNumber]);
    expect(await find([`ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=${first}-${second}`])).toEqual(both);
    expect(await find([`ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=${second}-`])).toEqual([tuesday.accessionNumber]);
    expect(await find(["ScheduledProcedureStepSequence[0].Modality=MR"])).toEqual([tuesday.accessionNumber]);
    expect(await find(["ScheduledProcedureStepSequence[0].Modality=CT"])).toEqual([monday.accessionNumber]);
    expect(await find(["PatientName=MAR*"])).toEqual([monday.accessionNumber]);
    expect(await find(["PatientName=m*^elise"])).toEqual([monday.accessionNumber]);
    expect(await find(["PatientName=M*"])).toEqual(both);
    expect(await find([`AccessionNumber=${tuesday.accessionNumber}`])).toEqual([tuesday.accessionNumber]);
    expect(await find([`ScheduledProcedureStepSequence[0].ScheduledStationAETitle=${sender.aeTitle}`])).toEqual(both);
    expect(await find(["ScheduledProcedureStepSequence[0].ScheduledStationAETitle=ANOTHER_CT"])).toEqual([]);
  });

  it("gives the scanner what links its images to the request, which stays listed while they arrive", async () => {
    const { site, sender } = await scannerSite();
    const request = await requestAtProtocol(db, site.id, { familyName: "Bernard", givenName: "Luc" });
    const [item] = (await findWorklist(peer(), sender.aeTitle, SCANNER_KEYS)).items;
    expect(item?.AccessionNumber).toBe(request.accessionNumber);

    // The scanner writes the worklist's values into its images, then sends them by C-STORE.
    const patient = { familyName: "Bernard", givenName: "Luc", birthDate: String(item!.PatientBirthDate), sex: "F" as const, patientId: String(item!.PatientID) };
    const dir = tempDir();
    const [file] = writeFiles(dir, [...ctHeadSeries({ seed: `mwl-${request.tag}`, patient, accessionNumber: String(item!.AccessionNumber), slices: 1, size: 32 })]);
    const edit = await runTool("dcmodify", ["-nb", "-m", `(0020,000D)=${String(item!.StudyInstanceUID)}`, file!]);
    expect(edit.code, edit.output).toBe(0);
    const stored = await runTool("storescu", ["-aet", sender.aeTitle, "-aec", CALLED_AE, "127.0.0.1", String(listener.port), file!]);
    expect(stored.code, stored.output).toBe(0);

    const study = await db.dicomStudy.findUniqueOrThrow({ where: { studyInstanceUid: String(item!.StudyInstanceUID) }, select: { requestId: true, linkState: true, linkMethod: true } });
    expect(study).toEqual({ requestId: request.requestId, linkState: "LINKED", linkMethod: "ACCESSION" });
    expect((await db.readingRequest.findUniqueOrThrow({ where: { id: request.requestId }, select: { status: true } })).status).toBe("IMAGES_ARRIVING");
    expect((await findWorklist(peer(), sender.aeTitle, SCANNER_KEYS)).items.map((entry) => entry.AccessionNumber)).toEqual([request.accessionNumber]);
  });

  it("answers only the keys asked, and the site's own accession number when its RIS gave one", async () => {
    const { site, sender } = await scannerSite();
    const request = await requestAtProtocol(db, site.id, { siteAccessionNumber: "RIS2026X1" });
    const run = await findWorklist(peer(), sender.aeTitle, ["AccessionNumber", "PatientID", "ScheduledProcedureStepSequence[0].Modality"]);
    expect(run.items).toHaveLength(1);
    const keys = Object.keys(run.items[0]!).filter((key) => key !== "_vrMap" && key !== "SpecificCharacterSet");
    expect(keys.sort()).toEqual(["AccessionNumber", "PatientID", "ScheduledProcedureStepSequence"]);
    expect(run.items[0]).toMatchObject({ AccessionNumber: "RIS2026X1", PatientID: request.sitePatientId });
    expect(Object.keys(step(run.items[0]!)).filter((key) => key !== "_vrMap")).toEqual(["Modality"]);

    // Keys a scanner asks that the worklist does not hold come back empty, whatever their VR.
    const unheld = ["PregnancyStatus", "PatientWeight", "PatientSize", "AdmissionID", "CurrentPatientLocation", "MedicalAlerts", "Allergies", "ReferencedStudySequence", "ScheduledProcedureStepSequence[0].ScheduledProtocolCodeSequence"];
    const wide = await findWorklist(peer(), sender.aeTitle, ["AccessionNumber", ...unheld]);
    expect(wide.code, wide.output).toBe(0);
    expect(wide.items).toHaveLength(1);
    expect(wide.items[0]).toMatchObject({ AccessionNumber: "RIS2026X1" });
  });

  it("refuses an unknown AE title at association, and a malformed identifier with a failure status, staying up", async () => {
    const { site, sender } = await scannerSite();
    await requestAtProtocol(db, site.id);
    const unknown = await findWorklist(peer(), "NOT_REGISTERED", SCANNER_KEYS);
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toMatch(/Association Rejected/i);
    expect(unknown.items).toEqual([]);

    const outsider = await registerAeSender(db, site.id, { allowedNetworks: ["10.0.0.0/8"] });
    const refused = await findWorklist(peer(), outsider.aeTitle, SCANNER_KEYS);
    expect(refused.output).toMatch(/Association Rejected/i);
    expect(refused.items).toEqual([]);

    const malformed = await findWorklist(peer(), sender.aeTitle, ["PatientName", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=2026-12-07"]);
    expect(malformed.items).toEqual([]);
    expect(malformed.output).toMatch(/Error: DataSetDoesNotMatchSOPClass/);
    expect(logs.some((line) => line.includes("worklist query") && line.includes("2026-12-07"))).toBe(true);

    // The same association type works right after.
    const again = await findWorklist(peer(), sender.aeTitle, SCANNER_KEYS);
    expect(again.code, again.output).toBe(0);
    expect(again.items).toHaveLength(1);
  });

  it("takes a C-CANCEL from the modality in its stride and answers the next query", async () => {
    const { site, sender } = await scannerSite();
    for (let index = 0; index < 3; index++) await requestAtProtocol(db, site.id);
    const cancelled = await findWorklist(peer(), sender.aeTitle, SCANNER_KEYS, ["--cancel", "1"]);
    expect(cancelled.code, cancelled.output).toBe(0);
    expect(cancelled.items.length).toBeGreaterThanOrEqual(1);
    const again = await findWorklist(peer(), sender.aeTitle, SCANNER_KEYS);
    expect(again.items).toHaveLength(3);
  });
});

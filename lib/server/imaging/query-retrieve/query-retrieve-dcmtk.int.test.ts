import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMetaHeader } from "@/lib/dicom/read-meta-header";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { registerAeSender, tempDir } from "../dimse/dimse-test-kit";
import { type DicomListener, startDicomListener } from "../dimse/start-dicom-listener";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { extractedAnswers, runDcmtk, startStoreScp, storedStudy, tag } from "./qr-test-kit";

// DCMTK's findscu, movescu and getscu against the archive's Study Root SCP, as a site's PACS
// would use them: answers scoped to the calling site, the keys asked returned, C-MOVE to a
// registered destination (DCMTK storescp) with the data sets received byte for byte as stored.

const db = connectTestDb();
const deps = testImageDeps(db);
const CALLED_AE = "TELERAD_QR";
const logs: string[] = [];
let listener: DicomListener;

const site = { a: "", b: "" };
let senderA = "";
let senderB = "";
const patientId = `P${tag()}`;
let studyA: Awaited<ReturnType<typeof storedStudy>>;
let otherStudyA: Awaited<ReturnType<typeof storedStudy>>;
let studyB: Awaited<ReturnType<typeof storedStudy>>;

beforeAll(async () => {
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: (line) => logs.push(line) });
  site.a = (await createSite(db)).id;
  site.b = (await createSite(db)).id;
  senderA = (await registerAeSender(db, site.a)).aeTitle;
  senderB = (await registerAeSender(db, site.b)).aeTitle;
  // The same patient ID at both sites: a site's query must never see the other's study.
  studyA = await storedStudy(deps, site.a, { patientId, studyDescription: "THORAX A" });
  otherStudyA = await storedStudy(deps, site.a, { patientId: `${patientId}X`, studyDescription: "CRANE A", studyDate: "20240301" });
  studyB = await storedStudy(deps, site.b, { patientId, studyDescription: "THORAX B" });
});
afterAll(async () => {
  if (process.env.QR_DEBUG) console.log(logs.join("\n"));
  await listener.close();
});

const peer = () => ["127.0.0.1", String(listener.port)];

async function find(callingAe: string, keys: readonly string[]) {
  const dir = tempDir();
  const run = await runDcmtk("findscu", ["-S", "-v", "-aet", callingAe, "-aec", CALLED_AE, "-X", "-od", dir, ...keys.flatMap((key) => ["-k", key]), ...peer()]);
  return { run, answers: extractedAnswers(dir) };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const datasetOf = (bytes: Uint8Array) => bytes.subarray(readMetaHeader(bytes).datasetOffset);

async function storedDatasetDigests(studyUid: string): Promise<Map<string, string>> {
  const rows = await db.dicomInstance.findMany({ where: { series: { study: { studyInstanceUid: studyUid } } }, select: { sopInstanceUid: true, storageKey: true } });
  const digests = new Map<string, string>();
  for (const row of rows) digests.set(row.sopInstanceUid, sha256(datasetOf(await deps.archive.get(row.storageKey))));
  return digests;
}

function receivedDatasetDigests(dir: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, name));
    const meta = readMetaHeader(bytes);
    digests.set(meta.mediaStorageSopInstanceUid, sha256(datasetOf(bytes)));
  }
  return digests;
}

describe("C-FIND (Study Root)", () => {
  it("answers at STUDY level with the keys asked, for the calling site's studies only", async () => {
    const { run, answers } = await find(senderA, [
      "QueryRetrieveLevel=STUDY",
      `PatientID=${patientId}`,
      "StudyInstanceUID",
      "PatientName",
      "StudyDescription",
      "ModalitiesInStudy",
      "NumberOfStudyRelatedSeries",
      "NumberOfStudyRelatedInstances",
      "RetrieveAETitle",
    ]);
    expect(run.code, run.output).toBe(0);
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    expect(answer).toMatchObject({
      QueryRetrieveLevel: "STUDY",
      PatientID: patientId,
      StudyInstanceUID: studyA.studyInstanceUid,
      StudyDescription: "THORAX A",
      ModalitiesInStudy: ["CT", "MR"],
      NumberOfStudyRelatedSeries: 2,
      NumberOfStudyRelatedInstances: 3,
      RetrieveAETitle: CALLED_AE,
    });
    expect(answer?.PatientName).toEqual([{ Alphabetic: `QR${patientId}^Patient` }]);
    // Keys not asked are not answered.
    expect(answer).not.toHaveProperty("AccessionNumber");

    // Site B, same patient ID: its own study, never site A's.
    const other = await find(senderB, ["QueryRetrieveLevel=STUDY", `PatientID=${patientId}`, "StudyInstanceUID", "StudyDescription"]);
    expect(other.answers.map((a) => a.StudyInstanceUID)).toEqual([studyB.studyInstanceUid]);
  });

  it("matches wildcards and date ranges", async () => {
    const wildcard = await find(senderA, ["QueryRetrieveLevel=STUDY", `PatientID=${patientId}*`, "StudyInstanceUID"]);
    expect(wildcard.answers.map((a) => a.StudyInstanceUID).sort()).toEqual([studyA.studyInstanceUid, otherStudyA.studyInstanceUid].sort());
    const range = await find(senderA, ["QueryRetrieveLevel=STUDY", `PatientID=${patientId}*`, "StudyDate=20250101-20251231", "StudyInstanceUID"]);
    expect(range.answers.map((a) => a.StudyInstanceUID)).toEqual([studyA.studyInstanceUid]);
    const name = await find(senderA, ["QueryRetrieveLevel=STUDY", `PatientName=QR${patientId}*`, "StudyInstanceUID"]);
    expect(name.answers.map((a) => a.StudyInstanceUID).sort()).toEqual([studyA.studyInstanceUid, otherStudyA.studyInstanceUid].sort());
  });

  it("answers at SERIES and IMAGE levels under the study asked", async () => {
    const series = await find(senderA, ["QueryRetrieveLevel=SERIES", `StudyInstanceUID=${studyA.studyInstanceUid}`, "SeriesInstanceUID", "Modality", "SeriesNumber", "NumberOfSeriesRelatedInstances"]);
    expect(series.run.code, series.run.output).toBe(0);
    expect(series.answers.map((a) => [a.Modality, a.SeriesNumber, a.NumberOfSeriesRelatedInstances])).toEqual([
      ["CT", 1, 2],
      ["MR", 2, 1],
    ]);
    const ct = series.answers[0]!.SeriesInstanceUID as string;
    const images = await find(senderA, ["QueryRetrieveLevel=IMAGE", `StudyInstanceUID=${studyA.studyInstanceUid}`, `SeriesInstanceUID=${ct}`, "SOPInstanceUID", "SOPClassUID", "InstanceNumber", "Rows"]);
    expect(images.answers.map((a) => [a.InstanceNumber, a.SOPClassUID, a.Rows])).toEqual([
      [1, "1.2.840.10008.5.1.4.1.1.2", 128],
      [2, "1.2.840.10008.5.1.4.1.1.2", 128],
    ]);
    // Another site's study UID finds nothing, as an unknown one would.
    const foreign = await find(senderA, ["QueryRetrieveLevel=SERIES", `StudyInstanceUID=${studyB.studyInstanceUid}`, "SeriesInstanceUID"]);
    expect(foreign.answers).toEqual([]);
  });

  it("refuses a PATIENT level query and a malformed date with A900, and stays up", async () => {
    const patient = await find(senderA, ["QueryRetrieveLevel=PATIENT", `PatientID=${patientId}`]);
    expect(patient.answers).toEqual([]);
    expect(patient.run.output).toMatch(/DataSetDoesNotMatchSOPClass/);
    const date = await find(senderA, ["QueryRetrieveLevel=STUDY", "StudyDate=2025", "StudyInstanceUID"]);
    expect(date.run.output).toMatch(/DataSetDoesNotMatchSOPClass/);
    const after = await find(senderA, ["QueryRetrieveLevel=STUDY", `PatientID=${patientId}`, "StudyInstanceUID"]);
    expect(after.answers).toHaveLength(1);
  });

  it("audits each query with the site, the calling AE, the keys and the studies", async () => {
    await find(senderA, ["QueryRetrieveLevel=STUDY", `AccessionNumber=A${patientId}`, "StudyInstanceUID"]);
    await flushReadAudits();
    const rows = await db.auditLog.findMany({ where: { action: "DICOM_QUERY", siteId: site.a }, orderBy: { id: "desc" }, take: 1 });
    expect(rows[0]?.detail).toMatchObject({ callingAeTitle: senderA, level: "STUDY", keys: { "00080050": `A${patientId}` }, results: 1, studies: [studyA.studyInstanceUid] });
  });
});

describe("C-MOVE (Study Root)", () => {
  it("sends a study to a registered destination: counts, and data sets byte-identical to the archive's", async () => {
    const dir = tempDir();
    const destinationAe = `DEST${tag()}`;
    const scp = await startStoreScp(destinationAe, dir);
    try {
      await db.dicomMoveDestination.create({ data: { siteId: site.a, label: "Console", aeTitle: destinationAe, host: "127.0.0.1", port: scp.port } });
      const run = await runDcmtk("movescu", ["-S", "-d", "-aet", senderA, "-aec", CALLED_AE, "-aem", destinationAe, "-k", "QueryRetrieveLevel=STUDY", "-k", `StudyInstanceUID=${studyA.studyInstanceUid}`, ...peer()]);
      expect(run.code, run.output).toBe(0);
      // The final response: status 0000, 3 completed, 0 failed, 0 warning (movescu -d dumps its command).
      const final = finalMoveCounts(run.output);
      expect(final).toEqual({ status: 0, completed: 3, failed: 0, warning: 0 });
      expect(receivedDatasetDigests(dir)).toEqual(await storedDatasetDigests(studyA.studyInstanceUid));
    } finally {
      await scp.stop();
    }
    await flushReadAudits();
    const [finished] = await db.auditLog.findMany({ where: { action: "DICOM_RETRIEVE", siteId: site.a }, orderBy: { id: "desc" }, take: 1 });
    expect(finished?.detail).toMatchObject({ operation: "C-MOVE", phase: "finished", completed: 3, failed: 0, studies: [studyA.studyInstanceUid], destination: { aeTitle: destinationAe } });
  });

  it("reports a partial failure (B000) with the failed instance listed, when the destination refuses a SOP class", async () => {
    const dir = tempDir();
    const destinationAe = `CTONLY${tag()}`;
    const scp = await startStoreScp(destinationAe, dir, { ctOnly: true });
    try {
      await db.dicomMoveDestination.create({ data: { siteId: site.a, label: "CT only", aeTitle: destinationAe, host: "127.0.0.1", port: scp.port } });
      const run = await runDcmtk("movescu", ["-S", "-d", "-aet", senderA, "-aec", CALLED_AE, "-aem", destinationAe, "-k", "QueryRetrieveLevel=STUDY", "-k", `StudyInstanceUID=${studyA.studyInstanceUid}`, ...peer()]);
      expect(finalMoveCounts(run.output)).toEqual({ status: 0xb000, completed: 2, failed: 1, warning: 0 });
      const mr = await db.dicomInstance.findFirstOrThrow({ where: { series: { study: { studyInstanceUid: studyA.studyInstanceUid }, seriesNumber: 2 } }, select: { sopInstanceUid: true } });
      expect(run.output).toContain(`FailedSOPInstanceUIDList`);
      expect(run.output).toContain(mr.sopInstanceUid);
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      await scp.stop();
    }
  });

  it("refuses an unknown destination (A801), and another site's destination", async () => {
    const unknown = await runDcmtk("movescu", ["-S", "-aet", senderA, "-aec", CALLED_AE, "-aem", "NOBODY", "-k", "QueryRetrieveLevel=STUDY", "-k", `StudyInstanceUID=${studyA.studyInstanceUid}`, ...peer()]);
    expect(unknown.output).toMatch(/MoveDestinationUnknown/);
    const foreignAe = `BDEST${tag()}`;
    await db.dicomMoveDestination.create({ data: { siteId: site.b, label: "B console", aeTitle: foreignAe, host: "127.0.0.1", port: 1 } });
    const foreign = await runDcmtk("movescu", ["-S", "-aet", senderA, "-aec", CALLED_AE, "-aem", foreignAe, "-k", "QueryRetrieveLevel=STUDY", "-k", `StudyInstanceUID=${studyA.studyInstanceUid}`, ...peer()]);
    expect(foreign.output).toMatch(/MoveDestinationUnknown/);
  });

  it("moves nothing of another site's study", async () => {
    const dir = tempDir();
    const destinationAe = `DEST${tag()}`;
    const scp = await startStoreScp(destinationAe, dir);
    try {
      await db.dicomMoveDestination.create({ data: { siteId: site.a, label: "Console 2", aeTitle: destinationAe, host: "127.0.0.1", port: scp.port } });
      const run = await runDcmtk("movescu", ["-S", "-v", "-aet", senderA, "-aec", CALLED_AE, "-aem", destinationAe, "-k", "QueryRetrieveLevel=STUDY", "-k", `StudyInstanceUID=${studyB.studyInstanceUid}`, ...peer()]);
      expect(run.code, run.output).toBe(0);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      await scp.stop();
    }
  });

  it("reports an unreachable destination as failed sub-operations (A702)", async () => {
    const destinationAe = `DOWN${tag()}`;
    await db.dicomMoveDestination.create({ data: { siteId: site.a, label: "Down", aeTitle: destinationAe, host: "127.0.0.1", port: 9 } });
    const run = await runDcmtk("movescu", ["-S", "-d", "-aet", senderA, "-aec", CALLED_AE, "-aem", destinationAe, "-k", "QueryRetrieveLevel=SERIES", "-k", `StudyInstanceUID=${studyA.studyInstanceUid}`, "-k", `SeriesInstanceUID=${await seriesUid(studyA.studyInstanceUid, 1)}`, ...peer()]);
    expect(run.output).toMatch(/OutOfResourcesSubOperations/);
    expect(finalMoveCounts(run.output)).toEqual({ status: 0xa702, completed: 0, failed: 2, warning: 0 });
  });
});

describe("C-GET (Study Root)", () => {
  it("returns a series' instances on the same association", async () => {
    const dir = tempDir();
    const series = await seriesUid(studyA.studyInstanceUid, 1);
    const run = await runDcmtk("getscu", ["-S", "-v", "-aet", senderA, "-aec", CALLED_AE, "-od", dir, "-k", "QueryRetrieveLevel=SERIES", "-k", `StudyInstanceUID=${studyA.studyInstanceUid}`, "-k", `SeriesInstanceUID=${series}`, ...peer()]);
    expect(run.code, run.output).toBe(0);
    const received = receivedDatasetDigests(dir);
    const stored = await storedDatasetDigests(studyA.studyInstanceUid);
    expect(received.size).toBe(2);
    for (const [uid, digest] of received) expect(stored.get(uid)).toBe(digest);
  });

  it("returns nothing of another site's study", async () => {
    const dir = tempDir();
    const run = await runDcmtk("getscu", ["-S", "-aet", senderA, "-aec", CALLED_AE, "-od", dir, "-k", "QueryRetrieveLevel=STUDY", "-k", `StudyInstanceUID=${studyB.studyInstanceUid}`, ...peer()]);
    expect(run.code, run.output).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** The status and counts of the final C-MOVE-RSP, from movescu -d's dump of it. */
function finalMoveCounts(output: string): { status: number; completed: number; failed: number; warning: number } {
  const final = output.slice(output.lastIndexOf("Received Final Move Response"));
  const field = (label: string) => new RegExp(`${label}\\s*:\\s*(\\S+)`).exec(final)?.[1] ?? "";
  return { status: Number(field("DIMSE Status").replace(/:$/, "")), completed: Number(field("Completed Suboperations")), failed: Number(field("Failed Suboperations")), warning: Number(field("Warning Suboperations")) };
}

async function seriesUid(studyUid: string, seriesNumber: number): Promise<string> {
  const series = await db.dicomSeries.findFirstOrThrow({ where: { study: { studyInstanceUid: studyUid }, seriesNumber }, select: { seriesInstanceUid: true } });
  return series.seriesInstanceUid;
}

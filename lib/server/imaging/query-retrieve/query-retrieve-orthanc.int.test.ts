import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Orthanc, startOrthanc } from "@/lib/testing/orthanc";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { registerAeSender } from "../dimse/dimse-test-kit";
import { type DicomListener, startDicomListener } from "../dimse/start-dicom-listener";
import { storedStudy, tag } from "./qr-test-kit";

// Orthanc as a site's PACS, configured as a site would: our archive as a remote modality under
// the site's AE title. It queries the archive (C-FIND, its /modalities/{id}/query) and retrieves
// a study to itself (C-MOVE with Orthanc registered as the site's move destination); another
// site's study with the same patient ID is never in its answers.

const db = connectTestDb();
const deps = testImageDeps(db);
const CALLED_AE = "TELERAD_QR";
let listener: DicomListener;
let orthanc: Orthanc;
let orthancAe = "";
const patientId = `O${tag()}`;
let ours: Awaited<ReturnType<typeof storedStudy>>;
let theirs: Awaited<ReturnType<typeof storedStudy>>;

beforeAll(async () => {
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: () => undefined });
  const site = await createSite(db);
  const otherSite = await createSite(db);
  orthancAe = (await registerAeSender(db, site.id)).aeTitle;
  ours = await storedStudy(deps, site.id, { patientId, studyDescription: "ORTHANC OURS" });
  theirs = await storedStudy(deps, otherSite.id, { patientId, studyDescription: "ORTHANC THEIRS" });
  orthanc = await startOrthanc({ aeTitle: orthancAe, storeTarget: { name: "teleradio", aeTitle: CALLED_AE, host: "127.0.0.1", port: listener.port } });
  await db.dicomMoveDestination.create({ data: { siteId: site.id, label: "Orthanc", aeTitle: orthancAe, host: "127.0.0.1", port: orthanc.dicomPort } });
}, 60_000);

afterAll(async () => {
  await orthanc?.stop();
  await listener?.close();
});

type Answer = Record<string, { Value?: unknown; Name?: string }>;

async function query(level: "Study" | "Series", keys: Record<string, string>): Promise<Answer[]> {
  const { ID } = await orthanc.rest<{ ID: string }>("POST", "/modalities/teleradio/query", { Level: level, Query: keys });
  const count = (await orthanc.rest<string[]>("GET", `/queries/${ID}/answers`)).length;
  const answers: Answer[] = [];
  for (let index = 0; index < count; index++) answers.push(await orthanc.rest<Answer>("GET", `/queries/${ID}/answers/${index}/content`));
  return answers;
}

const value = (answer: Answer | undefined, tag: string) => answer?.[tag]?.Value;

describe("Orthanc against the query/retrieve SCP", () => {
  it("finds the site's study by patient ID, never the other site's, and its series", async () => {
    const studies = await query("Study", { PatientID: patientId, StudyInstanceUID: "", StudyDescription: "", ModalitiesInStudy: "" });
    expect(studies.map((answer) => value(answer, "0020,000d"))).toEqual([ours.studyInstanceUid]);
    expect(value(studies[0], "0008,1030")).toBe("ORTHANC OURS");

    const series = await query("Series", { StudyInstanceUID: ours.studyInstanceUid, SeriesInstanceUID: "", Modality: "" });
    expect(series.map((answer) => value(answer, "0008,0060")).sort()).toEqual(["CT", "MR"]);

    const foreign = await query("Series", { StudyInstanceUID: theirs.studyInstanceUid, SeriesInstanceUID: "" });
    expect(foreign).toEqual([]);
  });

  it("retrieves the study to itself by C-MOVE: Orthanc then holds its instances", async () => {
    await orthanc.rest("POST", "/modalities/teleradio/move", { Level: "Study", Resources: [{ StudyInstanceUID: ours.studyInstanceUid }], TargetAet: orthancAe, Synchronous: true });
    const held = await orthanc.rest<string[]>("POST", "/tools/find", { Level: "Instance", Query: { StudyInstanceUID: ours.studyInstanceUid } });
    expect(held).toHaveLength(ours.files.length);

    // Another site's study: the move succeeds with nothing to send, and Orthanc holds none of it.
    await orthanc.rest("POST", "/modalities/teleradio/move", { Level: "Study", Resources: [{ StudyInstanceUID: theirs.studyInstanceUid }], TargetAet: orthancAe, Synchronous: true });
    expect(await orthanc.rest<string[]>("POST", "/tools/find", { Level: "Instance", Query: { StudyInstanceUID: theirs.studyInstanceUid } })).toEqual([]);
  });
});

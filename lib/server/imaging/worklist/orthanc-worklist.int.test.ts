import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDicomDateTime } from "@/lib/domain/modality-worklist/worklist-item";
import { type Orthanc, startOrthanc } from "@/lib/testing/orthanc";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { registerAeSender } from "../dimse/dimse-test-kit";
import { type DicomListener, startDicomListener } from "../dimse/start-dicom-listener";
import { requestAtProtocol } from "./worklist-test-kit";

// Orthanc (1.10.1) as a site's modality: our listener registered as a DICOM modality, Orthanc's
// AE title as the site's sender, the worklist asked through its REST API
// (POST /modalities/{id}/find-worklist), which runs a C-FIND on the Modality Worklist model.

const db = connectTestDb();
const deps = testImageDeps(db);
const CALLED_AE = "TELERAD_MWL";
let listener: DicomListener;
let orthanc: Orthanc;
let siteId = "";

beforeAll(async () => {
  const site = await createSite(db);
  siteId = site.id;
  const sender = await registerAeSender(db, site.id);
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: () => undefined });
  orthanc = await startOrthanc({ aeTitle: sender.aeTitle, storeTarget: { name: "teleradio", aeTitle: CALLED_AE, host: "127.0.0.1", port: listener.port } });
}, 60_000);

afterAll(async () => {
  await orthanc?.stop();
  await listener?.close();
});

type Answer = Record<string, unknown> & { ScheduledProcedureStepSequence?: Record<string, unknown>[] };

describe("Orthanc querying the worklist as a remote modality", () => {
  it("gets the site's protocolled requests, filtered by modality and date, accents intact", async () => {
    const protocolAt = new Date(Date.now() - 3_600_000);
    const ct = await requestAtProtocol(db, siteId, { familyName: "Bérénice", givenName: "Anaïs", protocolAt });
    const mr = await requestAtProtocol(db, siteId, { modality: "MR", protocolLabel: "IRM encéphale", protocolAt });
    await requestAtProtocol(db, siteId, { status: "SUBMITTED" });
    const { date, time } = localDicomDateTime(protocolAt);

    const find = (step: Record<string, string>) =>
      orthanc.rest<Answer[]>("POST", "/modalities/teleradio/find-worklist", {
        AccessionNumber: "",
        PatientName: "",
        PatientID: "",
        ScheduledProcedureStepSequence: [{ Modality: "", ScheduledProcedureStepStartDate: "", ScheduledProcedureStepStartTime: "", ScheduledProcedureStepDescription: "", ...step }],
      });

    const all = await find({});
    expect(all.map((answer) => answer.AccessionNumber).sort()).toEqual([ct.accessionNumber, mr.accessionNumber].sort());

    const cts = await find({ Modality: "CT", ScheduledProcedureStepStartDate: `${date}-${date}` });
    expect(cts).toHaveLength(1);
    expect(cts[0]).toMatchObject({ AccessionNumber: ct.accessionNumber, PatientName: "Bérénice^Anaïs", PatientID: ct.sitePatientId });
    expect(cts[0]?.ScheduledProcedureStepSequence?.[0]).toMatchObject({
      Modality: "CT",
      ScheduledProcedureStepStartDate: date,
      ScheduledProcedureStepStartTime: time,
      ScheduledProcedureStepDescription: "TDM cérébrale sans injection",
    });

    // Still waiting today, not yet in tomorrow's list.
    const tomorrow = localDicomDateTime(new Date(Date.now() + 86_400_000)).date;
    expect(await find({ ScheduledProcedureStepStartDate: `${tomorrow}-` })).toEqual([]);
  });
});

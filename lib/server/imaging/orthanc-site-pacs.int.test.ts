import { LOOPBACK_NETWORKS } from "@/lib/domain/network/address-allow-list";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite } from "@/prisma/factories";
import { type Orthanc, startOrthanc } from "@/lib/testing/orthanc";
import { buildTestStudy } from "@/lib/testing/qido-test-studies";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { loadActor } from "../auth/load-actor";
import { createDicomwebHandler } from "./dicomweb/dicomweb-handler";
import { hashSenderToken } from "./dicomweb/dicomweb-principal";
import { registerAeSender } from "./dimse/dimse-test-kit";
import { type DicomListener, startDicomListener } from "./dimse/start-dicom-listener";

// Orthanc as a site's PACS, configured as a site would: our STOW-RS endpoint as a DICOMweb
// server with the site's bearer token, our C-STORE SCP as a modality with the site's AE title.
// It pushes a study both ways, then again: the archive holds each instance once, and Orthanc
// reports success every time (the same content again is "already stored", never a conflict).

const db = connectTestDb();
const deps = testImageDeps(db);
const secret = randomBytes(32).toString("base64url");
const CALLED_AE = "TELERAD_IT";
let server: Server;
let listener: DicomListener;
let orthanc: Orthanc;
let siteId = "";

beforeAll(async () => {
  const site = await createSite(db);
  siteId = site.id;
  const token = randomBytes(24).toString("base64url");
  await db.dicomSender.create({ data: { siteId: site.id, kind: "STOW_TOKEN", label: "Orthanc STOW", tokenHash: hashSenderToken(token), allowedNetworks: [...LOOPBACK_NETWORKS] } });
  const sender = await registerAeSender(db, site.id);
  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 64 * 1024 * 1024 });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  listener = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log: () => undefined });
  orthanc = await startOrthanc({
    aeTitle: sender.aeTitle,
    stowTarget: { name: "teleradio", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicomweb`, bearerToken: token },
    storeTarget: { name: "teleradio", aeTitle: CALLED_AE, host: "127.0.0.1", port: listener.port },
  });
}, 60_000);

afterAll(async () => {
  await orthanc?.stop();
  await listener?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("Orthanc as a site PACS", () => {
  it("pushes a study by STOW-RS and by C-STORE, twice: stored once, no conflict", async () => {
    const tag = randomBytes(3).toString("hex").toUpperCase();
    const study = buildTestStudy({
      patientName: { Alphabetic: `ORTHANC${tag}^Site` },
      patientId: `ORT${tag}`,
      birthDate: "19550505",
      sex: "F",
      studyDate: "20240404",
      studyTime: "101010",
      referringPhysicianName: "",
      studyId: "1",
      accessionNumber: `A${tag}`,
      studyDescription: "PACS PUSH",
      series: [
        { source: "CT", seriesNumber: 1, seriesDescription: "CT", instances: 2 },
        { source: "MR", seriesNumber: 2, seriesDescription: "MR", instances: 1 },
      ],
    });
    const [firstId] = await orthanc.upload(study.files);
    const orthancStudy = await orthanc.rest<{ ID: string; Instances?: string[] }>("GET", `/instances/${firstId}/study`);

    const stow = () => orthanc.rest<Record<string, unknown>>("POST", "/dicom-web/servers/teleradio/stow", { Resources: [orthancStudy.ID], Synchronous: true });
    const store = () => orthanc.rest<{ InstancesCount: number; FailedInstancesCount: number }>("POST", "/modalities/teleradio/store", { Resources: [orthancStudy.ID], Synchronous: true });

    // Orthanc's REST call fails (and rest() throws) when our STOW-RS answer is not a success.
    await stow();
    expect(await store()).toMatchObject({ InstancesCount: 3, FailedInstancesCount: 0 });
    await stow();
    expect(await store()).toMatchObject({ InstancesCount: 3, FailedInstancesCount: 0 });

    const stored = await db.dicomInstance.findMany({
      where: { series: { study: { studyInstanceUid: study.studyInstanceUid } } },
      select: { sopInstanceUid: true, channel: true, series: { select: { study: { select: { siteId: true, patientName: true } } } } },
    });
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((row) => row.sopInstanceUid)).size).toBe(3);
    expect(stored.every((row) => row.series.study.siteId === siteId && row.series.study.patientName === `ORTHANC${tag}^Site`)).toBe(true);
    const conflicts = await db.auditLog.count({ where: { action: "DICOM_INSTANCE_CONFLICT", entityId: { in: stored.map((row) => row.sopInstanceUid) } } });
    expect(conflicts).toBe(0);
  });
});

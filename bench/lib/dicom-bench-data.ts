// What the DICOM bench sends and who reads it: a télédiagnostic request at the demo site SAL
// (submitted through the product's own use case), CT series carrying its accession number and
// patient so that ingest links them to it, and a session cookie of a radiologist reading for
// SAL, who may then retrieve them. Every series comes from its own seed: new to both servers.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { mintSessionCookie } from "@/lib/testing/session-cookie";
import { ctHeadSeries, type SyntheticInstance, type SyntheticPatient } from "@/lib/dicom/synthetic";
import { loadActor } from "@/lib/server/auth/load-actor";
import { createDbClient } from "@/lib/server/db/client";
import { submitRequest } from "@/lib/server/services/requests/submit-request";
import { teleDiagnosticRequest } from "@/prisma/factories";
import { DEMO_SENDERS } from "@/prisma/demo-senders";

export const BENCH_SITE = "SAL";
const REFERRER_EMAIL = "urgences.sal@demo.teleradio.fr";
const RADIOLOGIST_EMAIL = "radio.dubois@demo.teleradio.fr";
/** next-auth's cookie name over http:// (the __Secure- one is for https). */

export interface BenchSetup {
  /** The request the series are sent for (the radiologist claims it before reading its images). */
  requestId: string;
  /** The radiologist's session cookie header value. */
  readerCookie: string;
  stowToken: string;
  /** The site PACS' calling AE title for C-STORE. */
  senderAeTitle: string;
  patient: SyntheticPatient;
  accessionNumber: string;
}

export async function prepareBenchSetup(databaseUrl: string, secret: string): Promise<BenchSetup> {
  const sender = DEMO_SENDERS.find((s) => s.siteCode === BENCH_SITE);
  if (!sender) throw new Error(`no demo sender for ${BENCH_SITE}`);
  const db = createDbClient(databaseUrl, 2);
  try {
    const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
    const referrer = await loadActor(db, await userId(REFERRER_EMAIL));
    if (!referrer) throw new Error(`${REFERRER_EMAIL} is inactive`);
    const input = teleDiagnosticRequest({ priority: "URGENT" });
    const { requestId } = await submitRequest({ db, actor: referrer, input });
    const { accessionNumber } = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true } });
    const readerId = await userId(RADIOLOGIST_EMAIL);
    return {
      requestId,
      readerCookie: await mintSessionCookie(db, readerId, secret),
      stowToken: sender.stowToken,
      senderAeTitle: sender.aeTitle,
      accessionNumber,
      // The identity the request carries, as a modality writes it: ingest links on a match only.
      patient: {
        familyName: input.patient.familyName.toUpperCase(),
        givenName: input.patient.givenName.toUpperCase(),
        birthDate: input.patient.birthDate.replaceAll("-", ""),
        sex: input.patient.sex === "FEMALE" ? "F" : "M",
        patientId: input.patient.sitePatientId,
      },
    };
  } finally {
    await db.$disconnect();
  }
}

export interface BenchSeries {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  instances: SyntheticInstance[];
  bytes: number;
}

export function benchSeries(setup: BenchSetup, seed: string, slices: number): BenchSeries {
  const instances = [...ctHeadSeries({ seed, patient: setup.patient, accessionNumber: setup.accessionNumber, slices })];
  const first = instances[0];
  if (!first) throw new Error("the series is empty");
  return {
    studyInstanceUid: first.studyInstanceUid,
    seriesInstanceUid: first.seriesInstanceUid,
    instances,
    bytes: instances.reduce((sum, i) => sum + i.bytes.byteLength, 0),
  };
}

/** The series as files, for storescu. */
export function writeSeries(series: BenchSeries, directory: string): void {
  mkdirSync(directory, { recursive: true });
  for (const instance of series.instances) writeFileSync(path.join(directory, instance.fileName), instance.bytes);
}

/** WADO-RS URL of frame 1 of every instance, under a DICOMweb base. */
export function frameUrls(dicomwebUrl: string, series: BenchSeries): string[] {
  return series.instances.map(
    (i) => `${dicomwebUrl}/studies/${series.studyInstanceUid}/series/${series.seriesInstanceUid}/instances/${i.sopInstanceUid}/frames/1`,
  );
}

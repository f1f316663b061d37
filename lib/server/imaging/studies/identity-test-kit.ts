import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/domain/access";
import { ctHeadSeries, type SyntheticPatient } from "@/lib/dicom/synthetic";
import type { RequestStatus } from "@/lib/domain/enums";
import { actorOf, type connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import type { ImageDeps } from "../runtime/image-deps";
import { ingestInstance } from "../ingest/ingest-instance";
import { submitRequest } from "../../services/requests/submit-request";

// Studies of one site received with chosen identities (the synthetic CT, one slice), and
// requests typed with chosen identities: what the identity tests of this folder compare.

type TestDb = ReturnType<typeof connectTestDb>;

export interface IdentitySite {
  site: { id: string; name: string };
  referrer: Actor;
  radiographer: Actor;
  radiologist: Actor;
}

export async function identitySite(db: TestDb): Promise<IdentitySite> {
  const site = await createSite(db, "CH identité");
  const user = async (role: "REFERRER" | "RADIOGRAPHER" | "RADIOLOGIST") =>
    actorOf(db, (await createUser(db, role === "RADIOLOGIST" ? { role, readsFor: [site.id] } : { role, siteId: site.id })).id);
  return { site, referrer: await user("REFERRER"), radiographer: await user("RADIOGRAPHER"), radiologist: await user("RADIOLOGIST") };
}

/** A unique upper-case family name, so that tests sharing the database never see each other's patients. */
export function uniqueFamily(prefix: string): string {
  return `${prefix}${randomBytes(4).toString("hex").toUpperCase()}`;
}

/** Sends a one-slice CT study from the site's PACS; returns its row as received. */
export async function sendStudy(deps: ImageDeps, siteId: string, patient: SyntheticPatient, options: { accessionNumber?: string; studyDate?: string } = {}) {
  const [instance] = ctHeadSeries({ seed: `identity-${randomBytes(6).toString("hex")}`, patient, slices: 1, size: 32, ...options });
  const outcome = await ingestInstance(deps, { channel: "STOW", siteId, senderLabel: "PACS test", actorId: null }, instance!.bytes);
  if (outcome.status === "refused") throw new Error(`test instance refused: ${outcome.code}`);
  return deps.db.dicomStudy.findUniqueOrThrow({
    where: { studyInstanceUid: instance!.studyInstanceUid },
    select: { id: true, studyInstanceUid: true, patientRef: true, patientName: true, patientId: true, linkState: true, requestId: true, linkMismatch: true },
  });
}

export interface RequestPatient {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: "FEMALE" | "MALE";
  sitePatientId: string;
}

/** A request of the site for this patient; its accession number links a study sent with it. */
export async function requestFor(db: TestDb, referrer: Actor, patient: RequestPatient, options: { submittedAt?: Date; status?: RequestStatus; holderId?: string } = {}) {
  const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest({ patient }) });
  if (options.submittedAt || options.status) {
    await db.readingRequest.update({ where: { id: requestId }, data: { submittedAt: options.submittedAt, status: options.status, holderId: options.holderId } });
  }
  const { accessionNumber } = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true } });
  return { requestId, accessionNumber };
}

/** The DICOM form of a request's patient (what a modality fed by the site's worklist writes). */
export function dicomPatientOf(patient: RequestPatient, over: Partial<SyntheticPatient> = {}): SyntheticPatient {
  return {
    familyName: patient.familyName.toUpperCase(),
    givenName: patient.givenName.toUpperCase(),
    birthDate: patient.birthDate.replaceAll("-", ""),
    sex: patient.sex === "FEMALE" ? "F" : "M",
    patientId: patient.sitePatientId,
    ...over,
  };
}

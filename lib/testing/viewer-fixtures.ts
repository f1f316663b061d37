import { randomBytes, randomInt } from "node:crypto";
import type { Actor } from "../domain/access";
import type { RequestStatus } from "../domain/enums";
import { ctHeadSeries } from "../dicom/synthetic";
import { teleDiagnosticRequest } from "../../prisma/factories";
import type { ImageDeps } from "../server/imaging/runtime/image-deps";
import { ingestInstance } from "../server/imaging/ingest/ingest-instance";
import { submitRequest } from "../server/services/requests/submit-request";
import { withInsKey } from "../domain/ins-key";

// Requests with images for the viewer and image-access tests: a request submitted by a
// referrer of its site, a CT study sent by the site's PACS with the request's accession number
// (so it links itself), then the holder and status the test needs. The request is dated as if
// submitted on the study's day (priors are what came before a request: prior-access.ts).

export interface TestPatient {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: "FEMALE" | "MALE";
  ins?: string;
}

/** A patient nobody else's test has: a unique family name and a random birth date. */
export function uniquePatient(over: Partial<TestPatient> = {}): TestPatient {
  const day = new Date(Date.UTC(1930, 0, 1) + randomInt(0, 60 * 365) * 86_400_000).toISOString().slice(0, 10);
  return { familyName: `Prior${randomBytes(4).toString("hex").toUpperCase()}`, givenName: "Jeanne", birthDate: day, sex: "FEMALE", ...over };
}

/** A valid INS (15 characters, matching key), random. */
export function randomIns(): string {
  return withInsKey(`2${Array.from({ length: 12 }, () => randomInt(0, 10)).join("")}`);
}

export interface RequestWithImages {
  requestId: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUids: string[];
}

export async function requestWithImages(
  deps: ImageDeps,
  options: { referrer: Actor; patient: TestPatient; studyDate: string; holderId?: string; status?: RequestStatus; slices?: number; submittedAt?: Date },
): Promise<RequestWithImages> {
  const { db } = deps;
  const { referrer, patient } = options;
  if (!referrer.siteId) throw new Error("the referrer needs a site");
  const sitePatientId = `IPP${randomBytes(3).toString("hex").toUpperCase()}`;
  const { requestId } = await submitRequest({
    db,
    actor: referrer,
    input: teleDiagnosticRequest({ patient: { familyName: patient.familyName, givenName: patient.givenName, birthDate: patient.birthDate, sex: patient.sex, sitePatientId, ...(patient.ins ? { ins: patient.ins } : {}) } }),
  });
  const { accessionNumber } = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true } });
  const instances = [
    ...ctHeadSeries({
      seed: `viewer-${requestId}`,
      patient: { familyName: patient.familyName.toUpperCase(), givenName: patient.givenName.toUpperCase(), birthDate: patient.birthDate.replaceAll("-", ""), sex: patient.sex === "FEMALE" ? "F" : "M", patientId: sitePatientId },
      accessionNumber,
      studyDate: options.studyDate,
      slices: options.slices ?? 2,
      size: 32,
    }),
  ];
  const source = { channel: "STOW" as const, siteId: referrer.siteId, senderLabel: "PACS test", actorId: null };
  for (const instance of instances) {
    const outcome = await ingestInstance(deps, source, instance.bytes);
    if (outcome.status === "refused") throw new Error(`test instance refused: ${outcome.code}`);
  }
  const d = options.studyDate;
  const submittedAt = options.submittedAt ?? new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T07:00:00Z`);
  const assigned = options.holderId !== undefined || options.status ? { holderId: options.holderId ?? null, status: options.status ?? "IN_READING" } : {};
  await db.readingRequest.update({ where: { id: requestId }, data: { submittedAt, ...assigned } });
  const first = instances[0]!;
  return { requestId, studyInstanceUid: first.studyInstanceUid, seriesInstanceUid: first.seriesInstanceUid, sopInstanceUids: instances.map((i) => i.sopInstanceUid) };
}

// Demo requests with images, so that a fresh start shows the image side of the product: a
// vital head CT (200 slices) and a chest radiograph at Saint-Aubin, an MR second opinion at
// Vernay. Images go through the real ingest path, as a site PACS would send them.
import { randomUUID } from "node:crypto";
import { chestRadiograph, ctHeadSeries, mrSeries, type SyntheticInstance, type SyntheticPatient } from "../lib/dicom/synthetic";
import type { Actor } from "../lib/domain/access";
import type { RequestStatus } from "../lib/domain/enums";
import { submitRequestSchema } from "../lib/domain/submit-request-schema";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { loadActor } from "../lib/server/auth/load-actor";
import type { ImageDeps } from "../lib/server/imaging/runtime/image-deps";
import { ingestInstance } from "../lib/server/imaging/ingest/ingest-instance";
import { submitRequest } from "../lib/server/services/requests/submit-request";
import { DEMO_SENDERS } from "./demo-senders";

interface DemoImagingCase {
  referrerEmail: string;
  status: Extract<RequestStatus, "SUBMITTED" | "PROTOCOL_SENT">;
  /** A submission without its idempotency key; validated by the same schema as the form. */
  input: Record<string, unknown>;
  images: (patient: SyntheticPatient, accessionNumber: string) => Iterable<SyntheticInstance>;
}

const CASES: DemoImagingCase[] = [
  {
    referrerEmail: "urgences.sal@demo.teleradio.fr",
    status: "PROTOCOL_SENT",
    input: {
      type: "TELEDIAGNOSTIC",
      priority: "VITAL",
      patient: { familyName: "Garnier", givenName: "Odette", birthDate: "1941-05-12", sex: "FEMALE", sitePatientId: "SAL-0412" },
      modality: "CT",
      bodyRegion: "Encéphale",
      clinicalContext: "Chute à domicile, sous anticoagulant, confusion depuis 2 heures.",
      clinicalQuestion: "Hématome intracrânien ?",
      contrast: { renalFunction: "NORMAL", contrastAllergy: "NO", pregnancy: "NOT_APPLICABLE", metformin: "NO" },
    },
    images: (patient, accessionNumber) => ctHeadSeries({ seed: "demo-ct-head", patient, accessionNumber, slices: 200 }),
  },
  {
    referrerEmail: "urgences.sal@demo.teleradio.fr",
    status: "PROTOCOL_SENT",
    input: {
      type: "TELEDIAGNOSTIC",
      priority: "URGENT",
      patient: { familyName: "Morel", givenName: "Lucien", birthDate: "1958-11-03", sex: "MALE", sitePatientId: "SAL-0977" },
      modality: "DX",
      bodyRegion: "Thorax",
      clinicalContext: "Dyspnée fébrile, crépitants base droite.",
      clinicalQuestion: "Pneumopathie ? Épanchement ?",
      contrast: { renalFunction: "UNKNOWN", contrastAllergy: "UNKNOWN", pregnancy: "NOT_APPLICABLE", metformin: "NO" },
    },
    images: (patient, accessionNumber) => [chestRadiograph({ seed: "demo-chest", patient, accessionNumber, transferSyntax: "rle" })],
  },
  {
    referrerEmail: "urgences.vrn@demo.teleradio.fr",
    status: "SUBMITTED",
    input: {
      type: "TELEEXPERTISE",
      priority: "ROUTINE",
      patient: { familyName: "Benoît", givenName: "Sarah", birthDate: "1987-02-21", sex: "FEMALE", sitePatientId: "VRN-2231" },
      modality: "MR",
      bodyRegion: "Encéphale",
      clinicalContext: "Céphalées chroniques, IRM faite en ville.",
      clinicalQuestion: "Lésion de la substance blanche significative ?",
      expertQuestion: "Aspect compatible avec une pathologie démyélinisante ?",
    },
    images: (patient, accessionNumber) => mrSeries({ seed: "demo-mr", patient, accessionNumber, slices: 24 }),
  },
];

export async function seedDemoImages(db: PrismaClient, deps: ImageDeps, log: (line: string) => void): Promise<void> {
  for (const demo of CASES) {
    const referrer = await actorByEmail(db, demo.referrerEmail);
    const input = submitRequestSchema.parse({ ...demo.input, idempotencyKey: randomUUID() });
    const { requestId } = await submitRequest({ db, actor: referrer, input });
    // Demo requests start where their images arrive: the indication accepted, then the protocol
    // sent, one event per step of the state machine so the timeline is one the product can reach.
    if (demo.status === "PROTOCOL_SENT") {
      await db.$transaction(async (tx) => {
        await tx.readingRequest.update({ where: { id: requestId }, data: { status: demo.status } });
        for (const [fromStatus, toStatus] of [["SUBMITTED", "INDICATION_ACCEPTED"], ["INDICATION_ACCEPTED", "PROTOCOL_SENT"]] as const) {
          await tx.requestEvent.create({ data: { requestId, actorId: null, actorLabel: "Données de démonstration", type: "STATUS_CHANGED", fromStatus, toStatus } });
        }
      });
    }
    const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true, siteId: true, site: { select: { code: true } } } });
    const sender = DEMO_SENDERS.find((s) => s.siteCode === request.site.code);
    const patient: SyntheticPatient = {
      familyName: input.patient.familyName.toUpperCase(),
      givenName: input.patient.givenName.toUpperCase(),
      birthDate: input.patient.birthDate.replaceAll("-", ""),
      sex: input.patient.sex === "FEMALE" ? "F" : "M",
      patientId: input.patient.sitePatientId,
    };
    let count = 0;
    for (const instance of demo.images(patient, request.accessionNumber)) {
      await ingestInstance(deps, { channel: "SEED", siteId: request.siteId, senderLabel: `${sender?.label ?? "PACS"} (démo)`, actorId: null }, instance.bytes);
      count++;
    }
    log(`Demo images: ${count} instance(s) for ${input.modality} ${input.bodyRegion} (${request.site.code}, accession ${request.accessionNumber})`);
  }
}

async function actorByEmail(db: PrismaClient, email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`demo user ${email} is inactive`);
  return actor;
}

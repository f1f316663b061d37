import "server-only";
import { createHash } from "node:crypto";
import { canSubmit, type Actor } from "@/lib/domain/access";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { AppError } from "@/lib/domain/errors";
import type { SubmitRequest } from "@/lib/domain/submit-request-schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { createRequestInTx } from "./create-request-in-tx";

export interface SubmitRequestResult {
  requestId: string;
  /** false when this call was a retry of an earlier submission with the same key. */
  created: boolean;
}

/**
 * A referring physician submits a reading request for their own site.
 * Idempotent: (requester, idempotencyKey) is unique in the database, so concurrent retries
 * race on the index and the losers read back the winner's request.
 */
export async function submitRequest(args: { db: Db; actor: Actor; input: SubmitRequest }): Promise<SubmitRequestResult> {
  const { db, actor, input } = args;
  if (!canSubmit(actor) || !actor.siteId) {
    throw new AppError("FORBIDDEN", "Only a referring physician of a site submits requests");
  }
  const siteId = actor.siteId;
  const payloadHash = hashPayload(input);

  const earlier = await findEarlierSubmission(db, actor.id, input.idempotencyKey, payloadHash);
  if (earlier) return earlier;

  const informed = input.type === "TELEDIAGNOSTIC" && input.patientInformed === true;
  try {
    const { requestId } = await runUseCase(db, (tx, effects) =>
      createRequestInTx(tx, effects, { data: { ...toColumns(input), siteId, requesterId: actor.id, payloadHash }, siteId, priority: input.priority, actorId: actor.id, patientInformed: informed }),
    );
    return { requestId, created: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findEarlierSubmission(db, actor.id, input.idempotencyKey, payloadHash);
      if (winner) return winner;
    }
    throw error;
  }
}

async function findEarlierSubmission(
  db: Db,
  requesterId: string,
  idempotencyKey: string,
  payloadHash: string,
): Promise<SubmitRequestResult | null> {
  const earlier = await db.readingRequest.findUnique({
    where: { requesterId_idempotencyKey: { requesterId, idempotencyKey } },
    select: { id: true, payloadHash: true },
  });
  if (!earlier) return null;
  if (earlier.payloadHash !== payloadHash) {
    // Same key, other content: a client bug, not a retry. Refuse rather than guess.
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for a different request");
  }
  return { requestId: earlier.id, created: false };
}

export function hashPayload(input: SubmitRequest): string {
  const { idempotencyKey: _key, ...content } = input;
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** The request's columns from the form's input (also what an HL7 order maps to). */
export function toColumns(input: SubmitRequest) {
  const common = {
    idempotencyKey: input.idempotencyKey,
    type: input.type,
    priority: input.priority,
    patientFamilyName: input.patient.familyName,
    patientGivenName: input.patient.givenName,
    patientBirthDate: new Date(`${input.patient.birthDate}T00:00:00Z`),
    patientSex: input.patient.sex,
    sitePatientId: input.patient.sitePatientId,
    patientIns: input.patient.ins ?? null,
    patientInsStatus: input.patient.ins ? (input.patient.insStatus ?? null) : null,
    siteAccessionNumber: input.siteAccessionNumber ?? null,
    requiredSubspecialty: input.requiredSubspecialty ?? null,
    modality: input.modality,
    bodyRegion: input.bodyRegion,
    clinicalContext: input.clinicalContext,
    clinicalQuestion: input.clinicalQuestion,
    priorResults: input.priorResults ?? null,
    requestedTechnique: input.requestedTechnique ?? null,
    desiredDelay: input.desiredDelay ?? null,
  };
  if (input.type === "TELEEXPERTISE") return { ...common, expertQuestion: input.expertQuestion };
  return {
    ...common,
    renalFunction: input.contrast.renalFunction,
    egfr: input.contrast.egfr ?? null,
    contrastAllergy: input.contrast.contrastAllergy,
    pregnancy: input.contrast.pregnancy,
    metformin: input.contrast.metformin,
    otherContraindications: input.otherContraindications ?? null,
  };
}

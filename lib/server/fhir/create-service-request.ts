import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { ServiceRequest } from "@medplum/fhirtypes";
import { canSubmit, type Actor } from "@/lib/domain/access";
import { toServiceRequest } from "@/lib/domain/fhir/fhir-resources";
import { FhirProblem } from "@/lib/domain/fhir/operation-outcome";
import { identityFromPatient, subjectOfServiceRequest, submissionFromServiceRequest, type PatientIdentityFromFhir } from "@/lib/domain/fhir/service-request-input";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTranslator } from "@/lib/i18n/translate";
import type { Db } from "../db/client";
import { createRequestInTx } from "../services/requests/create-request-in-tx";
import { hashPayload, toColumns } from "../services/requests/submit-request";
import { runUseCase } from "../use-cases/run-use-case";
import { auditFhirRead } from "./fhir-audit";
import { IDENTITY_SELECT, REQUEST_ROW_SELECT, resolvePatientId } from "./fhir-request-filter";

const english = createTranslator("en");

/**
 * An EHR creates a télédiagnostic request (POST ServiceRequest) for the token user's site, as the
 * form does: a referrer of the site only, the form's validation, the same row, events, audit,
 * assignment and notifications (createRequestInTx), source FHIR. The EHR's order number
 * (identifier) is the placer order number, unique per site: the same order again answers the
 * request already made (created: false), whatever else changed; for another patient it is a
 * conflict (409).
 */
export async function createServiceRequest(db: Db, actor: Actor, body: unknown): Promise<{ created: boolean; resource: ServiceRequest }> {
  if (!canSubmit(actor) || !actor.siteId) throw FhirProblem.of(403, "forbidden", "only a referring physician of a site creates requests");
  const siteId = actor.siteId;
  const structure = readingStructure(() => subjectOfServiceRequest(body));
  if (!structure.ok) throw new FhirProblem(structure.status, structure.issues);
  const { resource, subject } = structure.value;

  let identity: PatientIdentityFromFhir;
  if (subject.kind === "contained") identity = readingStructure(() => identityFromPatient(subject.patient));
  else {
    const known = await resolvePatientId(db, actor, subject.patientId);
    const row = known && known.siteId === siteId ? await db.readingRequest.findFirst({ where: known, select: IDENTITY_SELECT, orderBy: { submittedAt: "desc" } }) : null;
    if (!row) throw FhirProblem.of(422, "not-found", `Patient/${subject.patientId} is not a patient of this site: send the patient as a contained resource`, "ServiceRequest.subject");
    identity = {
      familyName: row.patientFamilyName,
      givenName: row.patientGivenName,
      birthDate: row.patientBirthDate.toISOString().slice(0, 10),
      sex: row.patientSex,
      sitePatientId: row.sitePatientId,
      sitePatientIdIssuer: row.sitePatientIdIssuer,
      ins: row.patientIns ?? undefined,
      insStatus: row.patientInsStatus ?? undefined,
    };
  }

  const idempotencyKeyFor = (placer: string | null) => (placer ? `fhir-${createHash("sha256").update(`${siteId}|${placer}`).digest("hex").slice(0, 40)}` : randomUUID());
  const parsed = readingStructure(() => submissionFromServiceRequest(resource, identity, idempotencyKeyFor, (key) => english(key as Parameters<typeof english>[0])));
  if (!parsed.ok) throw new FhirProblem(parsed.status, parsed.issues);
  const { input, placerOrderNumber, sitePatientIdIssuer } = parsed.value;

  const earlier = async () => {
    if (!placerOrderNumber) return null;
    const found = await db.readingRequest.findUnique({ where: { siteId_placerOrderNumber: { siteId, placerOrderNumber } }, select: REQUEST_ROW_SELECT });
    if (found && found.sitePatientId !== input.patient.sitePatientId) {
      throw FhirProblem.of(409, "conflict", `order ${placerOrderNumber} was already sent for another patient (IPP); a new order needs a new identifier`, "ServiceRequest.identifier");
    }
    return found;
  };
  const already = await earlier();
  if (already) {
    // The request already made is read back to the EHR: a read of patient data, audited as one.
    await auditFhirRead(db, actor, { interaction: "read", resourceType: "ServiceRequest", ids: [already.id], requestIds: [already.id] });
    return { created: false, resource: toServiceRequest(already) };
  }

  const informed = input.type === "TELEDIAGNOSTIC" && input.patientInformed === true;
  try {
    const { requestId } = await runUseCase(db, (tx, effects) =>
      createRequestInTx(tx, effects, {
        data: { ...toColumns(input), siteId, requesterId: actor.id, payloadHash: hashPayload(input), source: "FHIR", placerOrderNumber, sitePatientIdIssuer },
        siteId,
        priority: input.priority,
        actorId: actor.id,
        patientInformed: informed,
      }),
    );
    const row = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: REQUEST_ROW_SELECT });
    return { created: true, resource: toServiceRequest(row) };
  } catch (error) {
    // Two deliveries of the same order at once: the loser answers the winner's request.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await earlier();
      if (winner) {
        await auditFhirRead(db, actor, { interaction: "read", resourceType: "ServiceRequest", ids: [winner.id], requestIds: [winner.id] });
        return { created: false, resource: toServiceRequest(winner) };
      }
    }
    throw error;
  }
}

/**
 * The mappers read the resource's elements as FHIR types them; a client that sends another shape
 * (an object where an array is due, a number for a string) makes them throw a TypeError. That is
 * the request's fault: a 400 naming it, never a 500.
 */
function readingStructure<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof TypeError) throw FhirProblem.of(400, "structure", "an element of the resource does not have the type FHIR R4 gives it", "ServiceRequest");
    throw error;
  }
}

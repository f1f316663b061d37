import "server-only";
import { createHash } from "node:crypto";
import { HL7_ERROR_CODES as E, problem } from "@/lib/domain/hl7/hl7-errors";
import type { NewOrder } from "@/lib/domain/hl7/map-new-order";
import type { Tx } from "../db/client";
import { createRequestInTx } from "../services/requests/create-request-in-tx";
import { hashPayload, toColumns } from "../services/requests/submit-request";
import type { Effects } from "../use-cases/effects";
import type { RisSender } from "./find-ris-interface";
import { Hl7Refusal } from "./hl7-refusal";

/**
 * ORM^O01 NW: the request the site's RIS orders, filed like a form's submission. Idempotent on the
 * placer order number (unique per site): an order already filed is answered AA again and left as
 * it is — a resend never changes the patient of a request. The same number for another patient
 * is refused (AE 205): it is the RIS's mistake, and guessing would attach one patient's exam to
 * another's record.
 */
export async function fileNewOrderInTx(tx: Tx, effects: Effects, sender: RisSender, order: NewOrder): Promise<{ requestId: string; created: boolean }> {
  const existing = await tx.readingRequest.findUnique({
    where: { siteId_placerOrderNumber: { siteId: sender.siteId, placerOrderNumber: order.placerOrderNumber } },
    select: { id: true, sitePatientId: true, patientBirthDate: true, patientFamilyName: true },
  });
  if (existing) {
    const patient = order.request.patient;
    const samePatient =
      existing.sitePatientId === patient.sitePatientId &&
      existing.patientBirthDate.toISOString().slice(0, 10) === patient.birthDate &&
      existing.patientFamilyName.localeCompare(patient.familyName, "fr", { sensitivity: "base" }) === 0;
    if (!samePatient) {
      throw new Hl7Refusal([problem(E.DUPLICATE_KEY_IDENTIFIER, `le numéro de demande « ${order.placerOrderNumber} » désigne déjà une demande pour un autre patient`, { segment: "ORC", field: 2 })]);
    }
    return { requestId: existing.id, created: false };
  }

  // The ordering physician's own account at this site, by RPPS; else the interface's account,
  // with the physician named as the RIS gave them.
  const physician = order.orderingProvider.rpps
    ? await tx.user.findFirst({ where: { rpps: order.orderingProvider.rpps, siteId: sender.siteId, role: "REFERRER", active: true }, select: { id: true } })
    : null;
  const requesterId = physician?.id ?? sender.serviceActor.id;
  const { request } = order;
  const { requestId } = await createRequestInTx(tx, effects, {
    data: {
      ...toColumns(request),
      // (requester, key) is unique: derived from the placer order number, itself unique per site.
      idempotencyKey: `hl7-${createHash("sha256").update(order.placerOrderNumber).digest("hex").slice(0, 40)}`,
      siteId: sender.siteId,
      requesterId,
      payloadHash: hashPayload(request),
      source: "HL7",
      risInterfaceId: sender.id,
      placerOrderNumber: order.placerOrderNumber,
      sitePatientIdIssuer: order.sitePatientIdIssuer,
      patientInsStatus: order.insStatus,
      orderingProvider: physician ? null : order.orderingProvider.text,
      otherContraindications: order.otherContraindications,
      priorResults: order.priorResults,
      requestedTechnique: order.requestedTechnique,
      desiredDelay: order.desiredDelay,
    },
    siteId: sender.siteId,
    priority: request.priority,
    actorId: sender.serviceActor.id,
    patientInformed: request.patientInformed === true,
  });
  return { requestId, created: true };
}

import "server-only";
import { AppError } from "@/lib/domain/errors";
import { HL7_ERROR_CODES as E, problem } from "@/lib/domain/hl7/hl7-errors";
import type { CancelOrder } from "@/lib/domain/hl7/map-cancel-order";
import type { Tx } from "../db/client";
import { transitionInTx } from "../services/workflow/transition-in-tx";
import type { RisSender } from "./find-ris-interface";
import { Hl7Refusal } from "./hl7-refusal";

/**
 * ORM^O01 CA: the RIS cancels its order, as the requester could on the request page, while the
 * state machine allows it (before reading) and until the post-exam information has come (volet
 * flow 2: the exam was done, the report is owed). A cancelled order cancelled again is answered AA.
 */
export async function cancelOrderInTx(tx: Tx, sender: RisSender, order: CancelOrder): Promise<{ requestId: string; changed: boolean }> {
  const request = await tx.readingRequest.findUnique({
    where: { siteId_placerOrderNumber: { siteId: sender.siteId, placerOrderNumber: order.placerOrderNumber } },
    select: { id: true, type: true, status: true, siteId: true, holderId: true, patientInformedAt: true, requesterId: true, postExamReceivedAt: true },
  });
  if (!request) throw new Hl7Refusal([problem(E.UNKNOWN_KEY_IDENTIFIER, `aucune demande « ${order.placerOrderNumber} » de ce site`, { segment: "ORC", field: 2 })]);
  if (request.status === "CANCELLED") return { requestId: request.id, changed: false };
  if (request.postExamReceivedAt) {
    throw new Hl7Refusal([problem(E.APPLICATION_RECORD_LOCKED, "annulation refusée : le complément d'information post-examen a déjà été reçu", { segment: "ORC", field: 1 })]);
  }
  try {
    await transitionInTx(tx, { request, actor: sender.serviceActor, action: "CANCEL", reason: order.reason });
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_TRANSITION") {
      throw new Hl7Refusal([problem(E.APPLICATION_RECORD_LOCKED, `annulation refusée : la demande est au statut ${request.status}`, { segment: "ORC", field: 1 })]);
    }
    throw error;
  }
  return { requestId: request.id, changed: true };
}

import "server-only";
import { HL7_ERROR_CODES as E, problem } from "@/lib/domain/hl7/hl7-errors";
import type { PostExam } from "@/lib/domain/hl7/map-post-exam";
import { writeAudit } from "../audit/write-audit";
import type { Tx } from "../db/client";
import type { RisSender } from "./find-ris-interface";
import { Hl7Refusal } from "./hl7-refusal";

/**
 * OMI^O23: the exam was performed; what and how, for the report. Recorded on the order's request
 * with a POST_EXAM_RECORDED event (a later message corrects it and is a new event). From then on
 * the RIS may no longer cancel the order. A cancelled request takes none.
 */
export async function recordPostExamInTx(tx: Tx, sender: RisSender, postExam: PostExam): Promise<{ requestId: string }> {
  const request = await tx.readingRequest.findUnique({
    where: { siteId_placerOrderNumber: { siteId: sender.siteId, placerOrderNumber: postExam.placerOrderNumber } },
    select: { id: true, status: true },
  });
  if (!request) throw new Hl7Refusal([problem(E.UNKNOWN_KEY_IDENTIFIER, `aucune demande « ${postExam.placerOrderNumber} » de ce site`, { segment: "ORC", field: 2 })]);
  if (request.status === "CANCELLED") throw new Hl7Refusal([problem(E.APPLICATION_RECORD_LOCKED, "la demande a été annulée", { segment: "ORC", field: 2 })]);
  const receivedAt = new Date();
  await tx.readingRequest.update({
    where: { id: request.id },
    data: { examPerformedAt: postExam.examPerformedAt, performedTechnique: postExam.performedTechnique, doseReport: postExam.doseReport, postExamReceivedAt: receivedAt, version: { increment: 1 } },
  });
  await tx.requestEvent.create({ data: { requestId: request.id, actorId: sender.serviceActor.id, type: "POST_EXAM_RECORDED", at: receivedAt } });
  await writeAudit(tx, { actorId: sender.serviceActor.id, action: "POST_EXAM_RECORDED", entityType: "ReadingRequest", entityId: request.id, siteId: sender.siteId });
  return { requestId: request.id };
}

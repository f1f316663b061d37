import "server-only";
import type { Priority } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db/client";
import type { Effects } from "../../use-cases/effects";
import { announceNewRequestInTx } from "./announce-new-request";

/**
 * What every new request gets, whichever way it came (the form, the site's RIS over HL7): the row,
 * its SUBMITTED event and audit row, the patient's information when it came with the request,
 * and the announcement (automatic assignment, escalation watch, notifications). In the caller's
 * transaction; its effects (the request's hint, the notifications, the job worker woken for an
 * assignment due now) are registered for after commit.
 */
export async function createRequestInTx(
  tx: Tx,
  effects: Effects,
  args: {
    data: Omit<Prisma.ReadingRequestUncheckedCreateInput, "submittedAt" | "patientInformedAt" | "patientInformedById">;
    siteId: string;
    priority: Priority;
    /** Who the SUBMITTED event and the audit rows name: the requester (or the RIS interface's account). */
    actorId: string;
    patientInformed: boolean;
  },
): Promise<{ requestId: string }> {
  const { siteId, actorId } = args;
  // One instant for the submission and a patient information given with it, so the timeline
  // never shows the information before the submission.
  const submittedAt = new Date();
  const created = await tx.readingRequest.create({
    data: { ...args.data, siteId, submittedAt, ...(args.patientInformed ? { patientInformedAt: submittedAt, patientInformedById: actorId } : {}) },
    select: { id: true, submittedAt: true, patientInformedAt: true },
  });
  await tx.requestEvent.create({ data: { requestId: created.id, actorId, type: "SUBMITTED", toStatus: "SUBMITTED", at: submittedAt } });
  await writeAudit(tx, { actorId, action: "REQUEST_SUBMITTED", entityType: "ReadingRequest", entityId: created.id, siteId });
  if (created.patientInformedAt) {
    // The same event and audit row as recording it later on the request page (record-patient-informed.ts).
    await tx.requestEvent.create({ data: { requestId: created.id, actorId, type: "PATIENT_INFORMED", at: created.patientInformedAt } });
    await writeAudit(tx, { actorId, action: "PATIENT_INFORMED", entityType: "ReadingRequest", entityId: created.id, siteId });
  }
  effects.requestChanged(created.id, siteId);
  await announceNewRequestInTx(tx, effects, { id: created.id, siteId, priority: args.priority, submittedAt: created.submittedAt });
  effects.wakeJobs();
  return { requestId: created.id };
}

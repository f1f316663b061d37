import "server-only";
import type { Actor } from "@/lib/domain/access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { loadSubjectFor } from "./load-workflow-subject";

/**
 * A referrer of the request's site (who usually tells the patient in the emergency department)
 * or its radiographer records that the patient was told the act is performed remotely and did
 * not object (who may: mayRecordPatientInformed). Recorded once: the conditional update makes
 * a double click, or the referrer and the radiographer at the same moment, a no-op.
 */
export async function recordPatientInformed(args: { db: Db; actor: Actor; requestId: string }) {
  const { db, actor } = args;
  const recorded = await runUseCase(db, async (tx, effects) => {
    const request = await loadSubjectFor(tx, actor, args.requestId, "RECORD_PATIENT_INFORMED");
    const now = new Date();
    const { count } = await tx.readingRequest.updateMany({
      where: { id: request.id, patientInformedAt: null },
      data: { patientInformedAt: now, patientInformedById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await tx.requestEvent.create({ data: { requestId: request.id, actorId: actor.id, type: "PATIENT_INFORMED", at: now } });
    await writeAudit(tx, { actorId: actor.id, action: "PATIENT_INFORMED", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId });
    effects.requestChanged(args.requestId, request.siteId);
    return true;
  });
  return { requestId: args.requestId, recorded };
}

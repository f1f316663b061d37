import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { RequestStatus } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { loadReportSubject } from "../reports/load-report-subject";
import { transitionInTx } from "../workflow/transition-in-tx";

export interface AcknowledgeReportResult {
  requestId: string;
  versionId: string;
  acknowledged: boolean;
  alreadyAcknowledged: boolean;
  status: RequestStatus;
}

/**
 * The requester confirms having read a delivered version. For the original this closes the
 * request's life (DELIVERED -> ACKNOWLEDGED, through the state machine); an addendum leaves the
 * status as it is and writes its own event. Only the requester acknowledges: a colleague of
 * the site may read the report but cannot confirm in their name. The conditional update makes
 * a second confirmation (a double click, another tab) an explicit no-op.
 */
export async function acknowledgeReport(args: { db: Db; actor: Actor; requestId: string; versionId: string }): Promise<AcknowledgeReportResult> {
  const { db, actor, versionId } = args;
  const result = await runUseCase(db, async (tx, effects) => {
    const request = await loadReportSubject(tx, actor, args.requestId);
    if (actor.role !== "REFERRER" || actor.id !== request.requesterId) throw new AppError("FORBIDDEN", "Only the requester acknowledges the report");

    // A version of another request (or not delivered) answers like a missing one.
    const delivery = await tx.reportDelivery.findFirst({
      where: { reportVersionId: versionId, requestId: request.id },
      select: { id: true, recipientId: true, reportVersion: { select: { kind: true, sequence: true } } },
    });
    if (!delivery) throw new AppError("NOT_FOUND", "Report version not found");
    if (delivery.recipientId !== actor.id) throw new AppError("FORBIDDEN", "This version was delivered to someone else");

    const now = new Date();
    const { count } = await tx.reportDelivery.updateMany({
      where: { id: delivery.id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: actor.id },
    });
    if (count === 0) return { acknowledged: false, status: request.status };

    const { kind, sequence } = delivery.reportVersion;
    let status = request.status;
    if (kind === "ORIGINAL") {
      status = await transitionInTx(tx, { request, actor, action: "ACKNOWLEDGE", reason: null });
    } else {
      await tx.requestEvent.create({ data: { requestId: request.id, actorId: actor.id, type: "ADDENDUM_ACKNOWLEDGED", reason: `v${sequence}`, at: now } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "REPORT_ACKNOWLEDGED",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
      detail: { versionId, kind, sequence },
    });
    effects.requestChanged(args.requestId, request.siteId);
    return { acknowledged: true, status };
  });
  return { requestId: args.requestId, versionId, acknowledged: result.acknowledged, alreadyAcknowledged: !result.acknowledged, status: result.status };
}

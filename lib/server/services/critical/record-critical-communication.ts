import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { acknowledgedReason, canRecordCommunication, communicatedReason, communicationTimeProblem } from "@/lib/domain/reports/critical-findings";
import { communicationFieldsSchema, COMMUNICATION_TIME_MESSAGE, type RecordCommunicationInput } from "@/lib/domain/reports/critical-schemas";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface RecordCommunicationResult {
  communicationId: string;
  findingId: string;
  /** This communication's read-back acknowledged the finding (it was not acknowledged before). */
  acknowledged: boolean;
}

/**
 * The radiologist records one communication of a finding: to whom, how, when, and whether the
 * recipient read it back. Communications are only ever added (the table refuses UPDATE and
 * DELETE). A read-back acknowledges the finding if nobody has yet — conditionally, so that a
 * concurrent acknowledgement in the app is not overwritten and the loop closes once.
 */
export async function recordCriticalCommunication(args: { db: Db; actor: Actor; input: RecordCommunicationInput; now?: Date }): Promise<RecordCommunicationResult> {
  const { db, actor } = args;
  const now = args.now ?? new Date();
  const parsed = communicationFieldsSchema.safeParse(args.input);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Invalid communication", { field: String(parsed.error.issues[0]?.path.join(".") ?? "") });
  const input = parsed.data;
  const communicatedAt = input.communicatedAt ?? now;
  const timeProblem = communicationTimeProblem(communicatedAt, now);
  if (timeProblem) throw new AppError("BAD_INPUT", "Communication time out of bounds", { field: "communicatedAt", message: COMMUNICATION_TIME_MESSAGE[timeProblem] });

  const result = await runUseCase(db, async (tx, effects) => {
    const finding = await tx.criticalFinding.findFirst({
      where: { id: input.findingId, request: visibleRequestsWhere(actor) },
      select: { id: true, flaggedById: true, flaggedAt: true, acknowledgedAt: true, request: { select: { id: true, siteId: true, holderId: true } } },
    });
    if (!finding) throw new AppError("NOT_FOUND", "Critical finding not found");
    const { request } = finding;
    if (actor.role !== "RADIOLOGIST") throw new AppError("FORBIDDEN", "Only the reading radiologist records the communication of a critical finding");
    if (!canRecordCommunication(actor, request, finding)) throw new AppError("NOT_HOLDER", "Only the radiologist who flagged the finding or holds the request records its communication");
    if (input.recipientId !== null) {
      const recipient = await tx.user.findFirst({ where: { id: input.recipientId, siteId: request.siteId, active: true }, select: { id: true } });
      if (!recipient) throw new AppError("BAD_INPUT", "The recipient is not a user of the request's site", { field: "recipientId" });
    }

    const communication = await tx.criticalCommunication.create({
      data: {
        findingId: finding.id,
        recipientName: input.recipientName,
        recipientId: input.recipientId,
        channel: input.channel,
        communicatedAt,
        acknowledged: input.acknowledged,
        recordedById: actor.id,
        recordedAt: now,
      },
      select: { id: true },
    });
    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: actor.id, type: "CRITICAL_FINDING_COMMUNICATED", reason: communicatedReason(input), at: now },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "CRITICAL_FINDING_COMMUNICATED",
      entityType: "CriticalFinding",
      entityId: finding.id,
      siteId: request.siteId,
      detail: { requestId: request.id, communicationId: communication.id, channel: input.channel, acknowledged: input.acknowledged },
    });

    let acknowledged = false;
    if (input.acknowledged) {
      // The recipient acknowledged when they read it back, not when it was typed in.
      const { count } = await tx.criticalFinding.updateMany({
        where: { id: finding.id, acknowledgedAt: null },
        data: { acknowledgedAt: communicatedAt < finding.flaggedAt ? finding.flaggedAt : communicatedAt, acknowledgedById: input.recipientId, acknowledgedByName: input.recipientName },
      });
      acknowledged = count === 1;
      if (acknowledged) {
        await tx.requestEvent.create({
          data: { requestId: request.id, actorId: actor.id, type: "CRITICAL_FINDING_ACKNOWLEDGED", reason: acknowledgedReason({ byName: input.recipientName, channel: input.channel }), at: now },
        });
        await writeAudit(tx, {
          actorId: actor.id,
          action: "CRITICAL_FINDING_ACKNOWLEDGED",
          entityType: "CriticalFinding",
          entityId: finding.id,
          siteId: request.siteId,
          detail: { requestId: request.id, communicationId: communication.id, byName: input.recipientName, byId: input.recipientId },
        });
      }
    }
    effects.requestChanged(request.id, request.siteId);
    return { communicationId: communication.id, acknowledged };
  });
  return { communicationId: result.communicationId, findingId: input.findingId, acknowledged: result.acknowledged };
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { acknowledgedReason, canAcknowledgeCritical } from "@/lib/domain/reports/critical-findings";
import { acknowledgeCriticalFindingSchema, type AcknowledgeCriticalFindingInput } from "@/lib/domain/reports/critical-schemas";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { visibleRequestsWhere } from "../requests/request-scope";

export type AcknowledgeCriticalResult = { findingId: string; acknowledged: true; alreadyAcknowledged: false } | { findingId: string; acknowledged: false; alreadyAcknowledged: true };

/**
 * A referring physician of the request's site (the requester or a colleague now caring for the
 * patient) acknowledges a finding in the app. The update is conditional on "not yet
 * acknowledged": a second click, another colleague, or a phone read-back recorded meanwhile
 * makes it a no-op answer, not an error. The radiologist who flagged it is told.
 */
export async function acknowledgeCriticalFinding(args: { db: Db; actor: Actor; input: AcknowledgeCriticalFindingInput; now?: Date }): Promise<AcknowledgeCriticalResult> {
  const { db, actor } = args;
  const parsed = acknowledgeCriticalFindingSchema.safeParse(args.input);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Invalid critical finding id", { field: "findingId" });
  const { findingId } = parsed.data;
  const now = args.now ?? new Date();

  const acknowledged = await runUseCase(db, async (tx, effects) => {
    const finding = await tx.criticalFinding.findFirst({
      where: { id: findingId, request: visibleRequestsWhere(actor) },
      select: { id: true, category: true, flaggedBy: { select: { id: true, active: true } }, request: { select: { id: true, siteId: true } } },
    });
    if (!finding) throw new AppError("NOT_FOUND", "Critical finding not found");
    const { request } = finding;
    if (!canAcknowledgeCritical(actor, request)) throw new AppError("FORBIDDEN", "Only a referring physician of the request's site acknowledges a critical finding");

    const { count } = await tx.criticalFinding.updateMany({
      where: { id: finding.id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: actor.id, acknowledgedByName: actor.displayName },
    });
    if (count === 0) return false;

    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: actor.id, type: "CRITICAL_FINDING_ACKNOWLEDGED", reason: acknowledgedReason({ byName: actor.displayName, channel: "IN_APP" }), at: now },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "CRITICAL_FINDING_ACKNOWLEDGED",
      entityType: "CriticalFinding",
      entityId: finding.id,
      siteId: request.siteId,
      detail: { requestId: request.id, channel: "IN_APP" },
    });
    effects.requestChanged(request.id, request.siteId);
    await notifyInTx(
      tx,
      effects,
      finding.flaggedBy.active
        ? [{ userId: finding.flaggedBy.id, kind: "CRITICAL_FINDING_ACKNOWLEDGED", requestId: request.id, detail: { authorName: actor.displayName, findingId: finding.id, category: finding.category } }]
        : [],
    );
    return true;
  });

  if (!acknowledged) return { findingId, acknowledged: false, alreadyAcknowledged: true };
  return { findingId, acknowledged: true, alreadyAcknowledged: false };
}

import "server-only";
import { assertHolder } from "../reports/load-report-subject";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { acknowledgeDeadline, flaggedReason, isFlaggableStatus } from "@/lib/domain/reports/critical-findings";
import { flagCriticalFindingSchema, type FlagCriticalFindingInput } from "@/lib/domain/reports/critical-schemas";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface FlagCriticalFindingResult {
  findingId: string;
  requestId: string;
  /** MINUTES only: the time by which it must be acknowledged before it escalates. */
  acknowledgeBy: Date | null;
}

/**
 * The holder flags a critical finding. In one transaction: the finding, its first
 * communication (the requester is told in the app at once), the event, the audit row, the
 * requester's notification and, for a vital (MINUTES) finding, the escalation job at the
 * site's deadline. Hints go out after commit; a vital finding rings the requester's browser.
 */
export async function flagCriticalFinding(args: { db: Db; actor: Actor; input: FlagCriticalFindingInput; now?: Date }): Promise<FlagCriticalFindingResult> {
  const { db, actor } = args;
  const parsed = flagCriticalFindingSchema.safeParse(args.input);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Invalid critical finding", { field: String(parsed.error.issues[0]?.path.join(".") ?? "") });
  const input = parsed.data;
  const now = args.now ?? new Date();

  const result = await runUseCase(db, async (tx, effects) => {
    // FOR SHARE: a take-over waits until the finding is written by the holder it was checked against.
    await tx.$queryRaw`SELECT "id" FROM "ReadingRequest" WHERE "id" = ${input.requestId}::uuid FOR SHARE`;
    const request = await tx.readingRequest.findFirst({
      where: { AND: [{ id: input.requestId }, visibleRequestsWhere(actor)] },
      select: { id: true, siteId: true, status: true, holderId: true, site: { select: { criticalAckMinutes: true } }, requester: { select: { id: true, displayName: true, active: true } } },
    });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");
    assertHolder(actor, request);
    if (!isFlaggableStatus(request.status)) {
      throw new AppError("INVALID_TRANSITION", `A critical finding is flagged once reading has begun, not in status ${request.status}`, { action: "FLAG_CRITICAL", from: request.status });
    }

    const acknowledgeBy = acknowledgeDeadline(input.category, now, request.site.criticalAckMinutes);
    const finding = await tx.criticalFinding.create({
      data: { requestId: request.id, category: input.category, description: input.description, flaggedById: actor.id, flaggedAt: now, acknowledgeBy },
      select: { id: true },
    });
    // The requester is told in the app at once: that is the loop's first communication.
    await tx.criticalCommunication.create({
      data: {
        findingId: finding.id,
        recipientName: request.requester.displayName,
        recipientId: request.requester.id,
        channel: "IN_APP",
        communicatedAt: now,
        acknowledged: false,
        recordedById: actor.id,
        recordedAt: now,
      },
    });
    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: actor.id, type: "CRITICAL_FINDING_FLAGGED", reason: flaggedReason(input.category), at: now },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "CRITICAL_FINDING_FLAGGED",
      entityType: "CriticalFinding",
      entityId: finding.id,
      siteId: request.siteId,
      detail: { requestId: request.id, category: input.category, acknowledgeBy: acknowledgeBy?.toISOString() ?? null },
    });
    effects.requestChanged(input.requestId, request.siteId);
    await notifyInTx(
      tx,
      effects,
      request.requester.active
        ? [{ userId: request.requester.id, kind: "CRITICAL_FINDING", requestId: request.id, detail: { authorName: actor.displayName, findingId: finding.id, category: input.category } }]
        : [],
      // A vital finding rings like a vital emergency (the kind alone does not say the category).
      { ring: input.category === "MINUTES" },
    );
    if (acknowledgeBy) {
      await enqueueJob(tx, { kind: "critical.escalation", payload: { findingId: finding.id }, runAt: acknowledgeBy, dedupeKey: `critical.escalation:${finding.id}` });
      effects.wakeJobs();
    }
    return { findingId: finding.id, acknowledgeBy };
  });
  return { findingId: result.findingId, requestId: input.requestId, acknowledgeBy: result.acknowledgeBy };
}

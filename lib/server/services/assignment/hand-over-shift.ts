import "server-only";
import { explanationSentence } from "@/lib/domain/assignment/explanation-sentence";
import { reasonDetailJson } from "./reason-detail-json";
import { decideHandover } from "@/lib/domain/assignment/handover";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { loadAssignmentInputs, lockSiteAssignments } from "./assignment-inputs";
import { scheduleEscalationWatchInTx } from "./schedule-escalation-watch";

export type HandoverOutcome =
  | { kind: "SKIPPED"; reason: "SHIFT_NOT_FOUND" | "SHIFT_MOVED" | "NOT_ENDED" }
  | HandoverDone;

export interface HandoverDone {
  kind: "DONE";
  handedOver: { requestId: string; toId: string }[];
  returnedToPool: string[];
  stayed: string[];
}

/**
 * The "shift.ended" job's use case. The job carries the shift's end as it was when scheduled:
 * a shift since moved or deleted is ignored (the rota schedules a new job for the new end, and
 * hands a running shift's requests over when it is deleted or given to someone else).
 * Each open request the leaving radiologist holds for a site the shift covered goes to the
 * next eligible radiologist on call (handed over, to be acknowledged), or back to the pool,
 * unless the same radiologist is still on call for that site (back-to-back shifts). One
 * transaction per request, each conditional on the leaving radiologist still holding it:
 * running the job twice, or after a crash half way, moves every request once.
 */
export async function handOverShift(args: { db: Db; shiftId: string; scheduledEnd: Date; now?: Date }): Promise<HandoverOutcome> {
  const { db, shiftId, scheduledEnd } = args;
  const now = args.now ?? new Date();

  const shift = await db.shift.findUnique({
    where: { id: shiftId },
    select: { endsAt: true, radiologist: { select: { id: true, displayName: true } }, sites: { select: { siteId: true } } },
  });
  if (!shift) return { kind: "SKIPPED", reason: "SHIFT_NOT_FOUND" };
  if (shift.endsAt.getTime() !== scheduledEnd.getTime()) return { kind: "SKIPPED", reason: "SHIFT_MOVED" };
  if (shift.endsAt.getTime() > now.getTime()) return { kind: "SKIPPED", reason: "NOT_ENDED" };
  return handOverHeldRequests({ db, leaving: shift.radiologist, siteIds: shift.sites.map((s) => s.siteId), reference: shiftId, now });
}

/**
 * Hands over what a radiologist leaving the on-call of some sites holds there (see above).
 * Also used when a running shift is deleted or reassigned in the rota.
 */
export async function handOverHeldRequests(args: {
  db: Db;
  leaving: { id: string; displayName: string };
  siteIds: string[];
  /** The shift that ended or changed, for the audit rows. */
  reference: string;
  now: Date;
}): Promise<HandoverDone> {
  const { db, leaving, now } = args;
  const shiftId = args.reference;
  const held = await db.readingRequest.findMany({
    where: { holderId: leaving.id, status: { in: [...OPEN_STATUSES] }, siteId: { in: args.siteIds } },
    select: { id: true },
    orderBy: [{ priority: "asc" }, { submittedAt: "asc" }],
  });

  const outcome: HandoverDone = { kind: "DONE", handedOver: [], returnedToPool: [], stayed: [] };
  for (const { id } of held) {
    const moved = await runUseCase(db, async (tx, effects) => {
      const request = await tx.readingRequest.findUnique({
        where: { id },
        select: { id: true, siteId: true, holderId: true, priority: true, escalationLevel: true, requiredSubspecialty: true },
      });
      if (request?.holderId !== leaving.id) return null;
      await lockSiteAssignments(tx, request.siteId);
      const { candidates, loads } = await loadAssignmentInputs(tx, request.siteId, now);
      const decision = decideHandover({ leavingId: leaving.id, onCall: candidates, request, at: now, loads });
      if (decision.kind === "STAY") return { kind: "STAY" as const };

      const handOver = decision.kind === "HAND_OVER";
      const { count } = await tx.readingRequest.updateMany({
        where: { id, holderId: leaving.id, status: { in: [...OPEN_STATUSES] } },
        data: handOver
          ? {
              holderId: decision.toId,
              claimedAt: now,
              holdKind: "HANDED_OVER",
              holdAcknowledgedAt: null,
              assignmentExplanation: decision.explanation as unknown as Prisma.InputJsonValue,
              version: { increment: 1 },
            }
          : { holderId: null, claimedAt: null, holdKind: null, holdAcknowledgedAt: null, assignmentExplanation: Prisma.DbNull, version: { increment: 1 } },
      });
      if (count === 0) return null;

      await tx.requestEvent.create({
        data: {
          requestId: id,
          actorId: null,
          actorLabel: null,
          type: handOver ? "HANDED_OVER" : "RETURNED_TO_POOL",
          reason: explanationSentence(decision.explanation, "fr", leaving.displayName),
          reasonDetail: reasonDetailJson({ kind: "ASSIGNMENT", explanation: decision.explanation, leavingName: leaving.displayName }),
          at: now,
        },
      });
      await writeAudit(tx, {
        actorId: null,
        action: handOver ? "REQUEST_HANDED_OVER" : "REQUEST_RETURNED_TO_POOL",
        entityType: "ReadingRequest",
        entityId: id,
        siteId: request.siteId,
        detail: { shiftId, fromId: leaving.id, toId: handOver ? decision.toId : null, rule: decision.explanation.rule },
      });
      // The request waits again for someone to take it: the escalation ladder watches it anew.
      await scheduleEscalationWatchInTx(tx, request, now);
      effects.requestChanged(id, request.siteId);
      if (handOver) {
        await notifyInTx(tx, effects, [{ userId: decision.toId, kind: "HANDED_OVER_TO_ME", requestId: id, detail: { from: leaving.displayName, authorName: leaving.displayName } }]);
      }
      return { kind: decision.kind, toId: handOver ? decision.toId : null };
    });
    if (moved === null) continue;
    if (moved.kind === "STAY") {
      outcome.stayed.push(id);
      continue;
    }
    if (moved.toId) outcome.handedOver.push({ requestId: id, toId: moved.toId });
    else outcome.returnedToPool.push(id);
  }
  return outcome;
}

import "server-only";
import { explanationSentence } from "@/lib/domain/assignment/explanation-sentence";
import { reasonDetailJson } from "./reason-detail-json";
import { selectAssignee, type AssignmentExplanation } from "@/lib/domain/assignment/selection";
import { isOpen, OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { loadAssignmentInputs, lockSiteAssignments } from "./assignment-inputs";

export type AutoAssignOutcome =
  | { kind: "ASSIGNED"; requestId: string; holderId: string; explanation: AssignmentExplanation }
  | { kind: "SKIPPED"; requestId: string; reason: "NOT_FOUND" | "AUTO_ASSIGN_OFF" | "CLOSED" | "HELD" | "NOBODY_ELIGIBLE" };

/**
 * Gives a request waiting in the pool to the best eligible radiologist on call for its site
 * (lib/domain/assignment/selection.ts), with the reason recorded on the request and in its
 * timeline. Nothing happens when the site does not auto-assign, the request is closed or
 * already held, or nobody is eligible: the request then stays in the pool. The write is a
 * conditional UPDATE ... WHERE holder IS NULL, so a concurrent claim or a second run of the
 * job never gives the request two holders. No person acts: the event has no actor.
 */
export async function autoAssignRequest(args: { db: Db; requestId: string; now?: Date }): Promise<AutoAssignOutcome> {
  const { db, requestId } = args;
  const now = args.now ?? new Date();

  return runUseCase(db, async (tx, effects): Promise<AutoAssignOutcome> => {
    const request = await tx.readingRequest.findUnique({
      where: { id: requestId },
      select: { id: true, siteId: true, status: true, holderId: true, requiredSubspecialty: true, site: { select: { autoAssign: true } } },
    });
    if (!request) return skipped("NOT_FOUND");
    if (!request.site.autoAssign) return skipped("AUTO_ASSIGN_OFF");
    if (!isOpen(request.status)) return skipped("CLOSED");
    if (request.holderId !== null) return skipped("HELD");

    await lockSiteAssignments(tx, request.siteId);
    const { candidates, loads } = await loadAssignmentInputs(tx, request.siteId, now);
    const explanation = selectAssignee({ candidates, request, at: now, loads, context: "AUTO_ASSIGNMENT" });
    const holderId = explanation.chosenId;
    if (holderId === null) return skipped("NOBODY_ELIGIBLE");

    const { count } = await tx.readingRequest.updateMany({
      where: { id: request.id, holderId: null, status: { in: [...OPEN_STATUSES] } },
      data: {
        holderId,
        claimedAt: now,
        holdKind: "AUTO_ASSIGNED",
        holdAcknowledgedAt: null,
        assignmentExplanation: explanation as unknown as Prisma.InputJsonValue,
        version: { increment: 1 },
      },
    });
    // A claim committed while we chose: it wins, the pool is no longer involved.
    if (count === 0) return skipped("HELD");

    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: null, actorLabel: null, type: "ASSIGNED", reason: explanationSentence(explanation, "fr"), reasonDetail: reasonDetailJson({ kind: "ASSIGNMENT", explanation }), at: now },
    });
    await writeAudit(tx, {
      actorId: null,
      action: "REQUEST_ASSIGNED",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
      detail: { holderId, rule: explanation.rule, automatic: true },
    });
    effects.requestChanged(requestId, request.siteId);
    await notifyInTx(tx, effects, [{ userId: holderId, kind: "ASSIGNED_TO_ME", requestId: request.id }]);
    return { kind: "ASSIGNED", requestId, holderId, explanation };
  });

  function skipped(reason: Extract<AutoAssignOutcome, { kind: "SKIPPED" }>["reason"]): AutoAssignOutcome {
    return { kind: "SKIPPED", requestId, reason };
  }
}

import "server-only";
import { canClaimFor, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import { isOpen, OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { visibleRequestsWhere } from "../requests/request-scope";

/**
 * A radiologist reading for the site takes a request someone else holds. It is the only way
 * to move a held request (two people never read the same one): explicit, with a mandatory
 * reason, audited, and the previous holder is told. The UPDATE is conditional on the previous
 * holder, so of two concurrent take-overs only one wins; the other is told who holds it now.
 */
export async function takeOverRequest(args: { db: Db; actor: Actor; requestId: string; reason: string; now?: Date }): Promise<{ requestId: string }> {
  const { db, actor, requestId } = args;
  const now = args.now ?? new Date();
  const reason = args.reason.trim();
  if (reason.length === 0) throw new AppError("REASON_REQUIRED", "A take-over needs a reason");
  if (reason.length > LIMITS.reason) throw new AppError("BAD_INPUT", "Reason too long");

  await runUseCase(db, async (tx, effects) => {
    const request = await tx.readingRequest.findFirst({
      where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
      select: { id: true, siteId: true, status: true, holder: { select: { id: true, displayName: true } } },
    });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");
    if (!canClaimFor(actor, request.siteId)) throw new AppError("FORBIDDEN", "Only a radiologist reading for this site takes over");
    if (!isOpen(request.status)) {
      throw new AppError("INVALID_TRANSITION", `A request in status ${request.status} cannot be taken over`, { from: request.status, action: "TAKE_OVER" });
    }
    const previous = request.holder;
    if (previous === null) throw new AppError("INVALID_TRANSITION", "Nobody holds this request: claim it instead", { from: request.status, action: "TAKE_OVER" });
    if (previous.id === actor.id) throw new AppError("INVALID_TRANSITION", "You already hold this request", { from: request.status, action: "TAKE_OVER" });

    const { count } = await tx.readingRequest.updateMany({
      where: { id: request.id, holderId: previous.id, status: { in: [...OPEN_STATUSES] } },
      data: {
        holderId: actor.id,
        claimedAt: now,
        holdKind: "TAKEN_OVER",
        // Taking over is itself the acknowledgement: escalation stops.
        holdAcknowledgedAt: now,
        // The explanation said why the previous holder was chosen; the event's reason says why now.
        assignmentExplanation: Prisma.DbNull,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.readingRequest.findUniqueOrThrow({ where: { id: request.id }, select: { holder: { select: { id: true, displayName: true } } } });
      if (current.holder && current.holder.id !== actor.id) {
        throw new AppError("ALREADY_CLAIMED", `Already claimed by ${current.holder.displayName}`, { holderName: current.holder.displayName, holderId: current.holder.id });
      }
      throw new AppError("INVALID_TRANSITION", "The request changed hands meanwhile", { from: request.status, action: "TAKE_OVER" });
    }

    await tx.requestEvent.create({ data: { requestId: request.id, actorId: actor.id, type: "TAKEN_OVER", reason, at: now } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "REQUEST_TAKEN_OVER",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
      detail: { previousHolderId: previous.id, reason },
    });
    effects.requestChanged(requestId, request.siteId);
    await notifyInTx(tx, effects, [{ userId: previous.id, kind: "TAKEN_OVER_FROM_ME", requestId: request.id, detail: { by: actor.displayName, authorName: actor.displayName } }]);
  });
  return { requestId };
}

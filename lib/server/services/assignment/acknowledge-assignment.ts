import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { isOpen, OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface AcknowledgeResult {
  requestId: string;
  /** true when it was already acknowledged (or held by a claim): acknowledging twice is not an error. */
  alreadyAcknowledged: boolean;
}

/**
 * The holder of an automatic assignment or a handover says "I have it" ("Accuser réception"):
 * from then on the request counts as taken and stops escalating. Only the holder can; the
 * write is conditional on still holding it, unacknowledged.
 */
export async function acknowledgeAssignment(args: { db: Db; actor: Actor; requestId: string; now?: Date }): Promise<AcknowledgeResult> {
  const { db, actor, requestId } = args;
  const now = args.now ?? new Date();

  return runUseCase(db, async (tx, effects) => {
    const request = await tx.readingRequest.findFirst({
      where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
      select: { id: true, siteId: true },
    });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");

    const { count } = await tx.readingRequest.updateMany({
      where: { id: request.id, holderId: actor.id, holdAcknowledgedAt: null, status: { in: [...OPEN_STATUSES] } },
      data: { holdAcknowledgedAt: now, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.readingRequest.findUniqueOrThrow({ where: { id: request.id }, select: { holderId: true, status: true } });
      if (current.holderId !== actor.id) throw new AppError("NOT_HOLDER", "Only the holder acknowledges an assignment");
      if (!isOpen(current.status)) throw new AppError("INVALID_TRANSITION", "A closed request has nothing to acknowledge", { action: "ACKNOWLEDGE_ASSIGNMENT", from: current.status });
      return { requestId: request.id, alreadyAcknowledged: true };
    }

    await tx.requestEvent.create({ data: { requestId: request.id, actorId: actor.id, type: "ASSIGNMENT_ACKNOWLEDGED", at: now } });
    await writeAudit(tx, { actorId: actor.id, action: "ASSIGNMENT_ACKNOWLEDGED", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId });
    effects.requestChanged(request.id, request.siteId);
    return { requestId: request.id, alreadyAcknowledged: false };
  });
}

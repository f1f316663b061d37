import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { RequestStatus } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { nextStatus, requiresReason, type RequestAction } from "@/lib/domain/request-state-machine";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Tx } from "../../db/client";
import type { LoadedSubject } from "./load-workflow-subject";

/**
 * Applies one transition of the state machine in the caller's transaction: a conditional
 * UPDATE on the status read (a concurrent act makes it miss, and it is refused rather than
 * applied twice), the append-only event with actor and reason, and the audit row.
 */
export async function transitionInTx(
  tx: Tx,
  args: {
    request: LoadedSubject;
    actor: Actor;
    action: RequestAction;
    reason: string | null;
    data?: Omit<Prisma.ReadingRequestUncheckedUpdateManyInput, "id" | "status" | "version">;
  },
): Promise<RequestStatus> {
  const { request, actor, action, reason } = args;
  if (requiresReason(action) && !reason?.trim()) throw new AppError("REASON_REQUIRED", `${action} needs a reason`, { action });
  const to = nextStatus(request.type, request.status, action);
  // Conditional on what the act was checked against: the status and the holder. A take-over
  // or another act committed meanwhile makes it miss, and it is refused.
  const { count } = await tx.readingRequest.updateMany({
    where: { id: request.id, status: request.status, holderId: request.holderId },
    data: { ...args.data, status: to, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.readingRequest.findUniqueOrThrow({ where: { id: request.id }, select: { holderId: true } });
    if (current.holderId !== request.holderId && actor.id === request.holderId) throw new AppError("NOT_HOLDER", "The request was taken over meanwhile");
    throw new AppError("INVALID_TRANSITION", "The request changed meanwhile: reload it", { action, from: request.status });
  }
  await tx.requestEvent.create({
    data: { requestId: request.id, actorId: actor.id, type: "STATUS_CHANGED", fromStatus: request.status, toStatus: to, reason },
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "REQUEST_TRANSITION",
    entityType: "ReadingRequest",
    entityId: request.id,
    siteId: request.siteId,
    detail: { action, from: request.status, to },
  });
  return to;
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { scheduleEscalationWatchInTx } from "../assignment/schedule-escalation-watch";
import { visibleRequestsWhere } from "./request-scope";

/** The holder gives a request back to the pool. Only the holder can; the release is conditional too. */
export async function releaseRequest(args: {
  db: Db;
  actor: Actor;
  requestId: string;
  reason?: string | undefined;
}): Promise<{ requestId: string }> {
  const { db, actor, requestId, reason } = args;

  await runUseCase(db, async (tx, effects) => {
    const request = await tx.readingRequest.findFirst({
      where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
      select: { id: true, siteId: true, priority: true, escalationLevel: true },
    });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");

    const { count } = await tx.readingRequest.updateMany({
      where: { id: request.id, holderId: actor.id },
      data: { holderId: null, claimedAt: null, holdKind: null, holdAcknowledgedAt: null, assignmentExplanation: Prisma.DbNull, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("NOT_HOLDER", "Only the holder can release this request");

    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: actor.id, type: "RELEASED", reason: reason ?? null },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "REQUEST_RELEASED",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
    });
    // Back in the pool, the request waits again: the escalation ladder watches it anew.
    await scheduleEscalationWatchInTx(tx, request, new Date());
    effects.requestChanged(requestId, request.siteId);
  });
  return { requestId };
}

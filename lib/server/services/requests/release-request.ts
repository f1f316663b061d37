import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { publishRequestChanged } from "../../realtime/publish";
import { visibleRequestsWhere } from "./request-scope";

/** The holder gives a request back to the pool. Only the holder can; the release is conditional too. */
export async function releaseRequest(args: {
  db: Db;
  actor: Actor;
  requestId: string;
  reason?: string | undefined;
}): Promise<{ requestId: string }> {
  const { db, actor, requestId, reason } = args;

  const siteId = await db.$transaction(async (tx) => {
    const request = await tx.readingRequest.findFirst({
      where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
      select: { id: true, siteId: true },
    });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");

    const { count } = await tx.readingRequest.updateMany({
      where: { id: request.id, holderId: actor.id },
      data: { holderId: null, claimedAt: null, version: { increment: 1 } },
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
    return request.siteId;
  });

  publishRequestChanged(requestId, siteId);
  return { requestId };
}

import "server-only";
import type { RequestStatus, RequestType } from "@/lib/domain/enums";
import { imageTransitions, isAfterSigning, type ImageMilestone } from "@/lib/domain/image-arrival";
import type { Tx } from "../../db/client";

export interface MilestoneActor {
  actorId: string | null;
  actorLabel: string | null;
}

/**
 * Records on a request what its images just did: the status changes the state machine allows
 * (each an event), or the trace alone when the status stays. Runs inside the caller's
 * transaction, with the request row locked by it. Returns whether the request changed.
 */
export async function recordImageMilestone(
  tx: Tx,
  requestId: string,
  milestone: ImageMilestone,
  by: MilestoneActor,
  reason: string | null = null,
): Promise<boolean> {
  // FOR UPDATE: concurrent instances of one study must not both move the request.
  const rows = await tx.$queryRaw<{ status: RequestStatus; type: RequestType; imagesAfterSigningAt: Date | null }[]>`
    SELECT "status", "type", "imagesAfterSigningAt" FROM "ReadingRequest" WHERE "id" = ${requestId}::uuid FOR UPDATE`;
  const request = rows[0];
  if (!request) return false;

  if (isAfterSigning(request.status)) {
    if (request.imagesAfterSigningAt) return false;
    const now = new Date();
    await tx.readingRequest.update({ where: { id: requestId }, data: { imagesAfterSigningAt: now, version: { increment: 1 } } });
    await tx.requestEvent.create({ data: { requestId, ...by, type: "IMAGES_AFTER_SIGNING", at: now, reason } });
    return true;
  }

  const steps = imageTransitions(request.type, request.status, milestone);
  let from = request.status;
  for (const step of steps) {
    await tx.readingRequest.update({ where: { id: requestId }, data: { status: step.to, version: { increment: 1 } } });
    await tx.requestEvent.create({
      data: {
        requestId,
        ...by,
        type: step.action === "RECEIVE_IMAGES" ? "IMAGES_RECEIVED" : "IMAGES_COMPLETE",
        fromStatus: from,
        toStatus: step.to,
        reason,
      },
    });
    from = step.to;
  }
  if (steps.length === 0) {
    await tx.requestEvent.create({
      data: { requestId, ...by, type: milestone === "received" ? "IMAGES_RECEIVED" : "IMAGES_COMPLETE", fromStatus: from, toStatus: from, reason },
    });
  }
  return true;
}

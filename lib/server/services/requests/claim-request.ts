import "server-only";
import { canClaimFor, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db, Tx } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { visibleRequestsWhere } from "./request-scope";

export interface ClaimResult {
  requestId: string;
  /** true when the actor already held it: claiming twice is not an error. */
  alreadyHeld: boolean;
}

/**
 * A radiologist takes a request. Exactly one concurrent claim wins: the claim is a
 * conditional UPDATE ... WHERE holder IS NULL, and PostgreSQL re-checks that condition
 * after waiting for a competing claim's row lock. Losers are told who holds it.
 */
export async function claimRequest(args: { db: Db; actor: Actor; requestId: string }): Promise<ClaimResult> {
  const { db, actor, requestId } = args;

  return runUseCase(db, async (tx, effects) => {
    const request = await tx.readingRequest.findFirst({
      where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
      select: { id: true, siteId: true, status: true },
    });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");
    if (!canClaimFor(actor, request.siteId)) throw new AppError("FORBIDDEN", "Only a radiologist reading for this site claims");

    const now = new Date();
    const { count } = await tx.readingRequest.updateMany({
      where: { id: request.id, holderId: null, status: { in: [...OPEN_STATUSES] } },
      // A claim is its own acknowledgement: escalation stops watching the request.
      data: { holderId: actor.id, claimedAt: now, holdKind: "CLAIMED", holdAcknowledgedAt: now, assignmentExplanation: Prisma.DbNull, version: { increment: 1 } },
    });
    if (count === 0) return explainLostClaim(tx, actor, request.id);

    await tx.requestEvent.create({
      data: { requestId: request.id, actorId: actor.id, type: "CLAIMED", at: now },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "REQUEST_CLAIMED",
      entityType: "ReadingRequest",
      entityId: request.id,
      siteId: request.siteId,
    });
    effects.requestChanged(request.id, request.siteId);
    return { requestId: request.id, alreadyHeld: false };
  });
}

async function explainLostClaim(
  tx: Tx,
  actor: Actor,
  requestId: string,
): Promise<ClaimResult> {
  const current = await tx.readingRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { status: true, holder: { select: { id: true, displayName: true } } },
  });
  if (current.holder?.id === actor.id) return { requestId, alreadyHeld: true };
  if (current.holder) {
    throw new AppError("ALREADY_CLAIMED", `Already claimed by ${current.holder.displayName}`, {
      holderName: current.holder.displayName,
      holderId: current.holder.id,
    });
  }
  throw new AppError("INVALID_TRANSITION", `A request in status ${current.status} cannot be claimed`, {
    from: current.status,
    action: "CLAIM",
  });
}

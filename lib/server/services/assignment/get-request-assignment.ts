import "server-only";
import { canClaimFor, type Actor } from "@/lib/domain/access";
import { parseExplanation, type AssignmentExplanation } from "@/lib/domain/assignment/selection";
import type { HoldKind, RequestStatus } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { isOpen } from "@/lib/domain/request-state-machine";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface RequestAssignment {
  requestId: string;
  status: RequestStatus;
  holder: { id: string; name: string } | null;
  holdKind: HoldKind | null;
  heldSince: Date | null;
  holdAcknowledgedAt: Date | null;
  escalationLevel: number;
  escalatedAt: Date | null;
  /** Why the holder was chosen (automatic assignment, handover). Candidates only for radiologists and heads. */
  explanation: AssignmentExplanation | null;
  /** The reason given when the current holder took the request over. */
  takeOver: { byName: string; reason: string | null; at: Date } | null;
  can: { acknowledge: boolean; takeOver: boolean };
}

/** Who holds a request, how and why, and what the actor may do about it. Audited as a read. */
export async function getRequestAssignment(args: { db: Db; actor: Actor; requestId: string }): Promise<RequestAssignment> {
  const { db, actor, requestId } = args;
  const record = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: {
      id: true,
      siteId: true,
      status: true,
      holdKind: true,
      claimedAt: true,
      holdAcknowledgedAt: true,
      assignmentExplanation: true,
      escalationLevel: true,
      escalatedAt: true,
      holder: { select: { id: true, displayName: true } },
      events: {
        where: { type: "TAKEN_OVER" },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: 1,
        select: { at: true, reason: true, actor: { select: { displayName: true } } },
      },
    },
  });
  if (!record) throw new AppError("NOT_FOUND", "Request not found");

  // Every open request page refetches this on each change of its request: buffered like the thread.
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "REQUEST_READ",
    entityType: "ReadingRequest",
    entityId: record.id,
    siteId: record.siteId,
    detail: { view: "assignment" },
  });

  const staffView = actor.role === "RADIOLOGIST" || actor.role === "DEPARTMENT_HEAD";
  const explanation = parseExplanation(record.assignmentExplanation);
  const isHolder = record.holder?.id === actor.id;
  const lastTakeOver = record.holdKind === "TAKEN_OVER" ? record.events[0] : undefined;
  return {
    requestId: record.id,
    status: record.status,
    holder: record.holder ? { id: record.holder.id, name: record.holder.displayName } : null,
    holdKind: record.holdKind,
    heldSince: record.claimedAt,
    holdAcknowledgedAt: record.holdAcknowledgedAt,
    escalationLevel: record.escalationLevel,
    escalatedAt: record.escalatedAt,
    explanation: explanation && (staffView ? explanation : { ...explanation, candidates: [] }),
    takeOver: lastTakeOver ? { byName: lastTakeOver.actor?.displayName ?? "", reason: lastTakeOver.reason, at: lastTakeOver.at } : null,
    can: {
      acknowledge: isHolder && record.holdAcknowledgedAt === null && isOpen(record.status),
      takeOver: !isHolder && record.holder !== null && isOpen(record.status) && canClaimFor(actor, record.siteId),
    },
  };
}

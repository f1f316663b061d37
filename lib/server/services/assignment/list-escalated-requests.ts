import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { toWorklistRow, worklistRowSelect, type WorklistRow } from "../requests/request-dto";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface EscalatedRequest extends WorklistRow {
  escalationLevel: number;
  escalatedAt: Date | null;
  holdAcknowledgedAt: Date | null;
}

/**
 * The department head's board: open requests that escalated and are still not taken (in the
 * pool, or assigned and unacknowledged), highest level first. Audited like a worklist read.
 */
export async function listEscalatedRequests(args: { db: Db; actor: Actor; limit: number }): Promise<EscalatedRequest[]> {
  const { db, actor, limit } = args;
  if (actor.role !== "DEPARTMENT_HEAD") throw new AppError("FORBIDDEN", "The escalation board is the department head's");
  const rows = await db.readingRequest.findMany({
    where: {
      AND: [
        visibleRequestsWhere(actor),
        { escalationLevel: { gt: 0 }, status: { in: [...OPEN_STATUSES] }, OR: [{ holderId: null }, { holdAcknowledgedAt: null }] },
      ],
    },
    select: { ...worklistRowSelect, escalationLevel: true, escalatedAt: true, holdAcknowledgedAt: true },
    orderBy: [{ escalationLevel: "desc" }, { escalatedAt: "asc" }],
    take: limit,
  });
  bufferReadAudit(db, { actorId: actor.id, action: "WORKLIST_READ", entityType: "Worklist", detail: { view: "escalated", count: rows.length } });
  return rows.map((row) => ({ ...toWorklistRow(row), escalationLevel: row.escalationLevel, escalatedAt: row.escalatedAt, holdAcknowledgedAt: row.holdAcknowledgedAt }));
}

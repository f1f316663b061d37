import "server-only";
import { hasWorklist, requestScope, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { WorklistFilter } from "@/lib/domain/worklist-filter-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { toWorklistRow, worklistRowSelect, type WorklistRow } from "./request-dto";
import { visibleRequestsWhere } from "./request-scope";
import { sharedWorklistRows } from "./shared-worklist-rows";

/** Upper bound of rows in one worklist answer: a worklist is a screen, not an export. */
export const WORKLIST_LIMIT = 500;

/** The actor's worklist: visible requests, most urgent first, then the longest waiting. */
export async function listWorklist(args: { db: Db; actor: Actor; filter: WorklistFilter }): Promise<WorklistRow[]> {
  const { db, actor, filter } = args;
  if (!hasWorklist(actor)) throw new AppError("FORBIDDEN", "No worklist for this role");

  const rows = await sharedWorklistRows(scopeKey(actor, filter), async () => {
    const records = await db.readingRequest.findMany({
      where: worklistWhere(actor, filter),
      select: worklistRowSelect,
      // The database enum is declared VITAL, URGENT, ROUTINE: ORDER BY priority is by urgency.
      orderBy: [{ priority: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
      take: WORKLIST_LIMIT,
    });
    return records.map(toWorklistRow);
  });

  bufferReadAudit(db, {
    actorId: actor.id,
    action: "WORKLIST_READ",
    entityType: "Worklist",
    detail: { count: rows.length, requestIds: rows.map((r) => r.id) },
  });
  return rows;
}

function worklistWhere(actor: Actor, filter: WorklistFilter): Prisma.ReadingRequestWhereInput {
  return {
    AND: [
      visibleRequestsWhere(actor),
      { status: { in: filter.statuses.length > 0 ? filter.statuses : [...OPEN_STATUSES] } },
      filter.siteIds.length > 0 ? { siteId: { in: filter.siteIds } } : {},
      filter.priorities.length > 0 ? { priority: { in: filter.priorities } } : {},
      filter.types.length > 0 ? { type: { in: filter.types } } : {},
    ],
  };
}

/** Everything the query depends on: the actor's scope and the filters, order-independent. */
function scopeKey(actor: Actor, filter: WorklistFilter): string {
  const scope = requestScope(actor);
  const sorted = (values: readonly string[]) => [...values].sort().join(",");
  return [
    scope.kind === "all" ? "*" : sorted(scope.siteIds),
    sorted(filter.statuses),
    sorted(filter.siteIds),
    sorted(filter.priorities),
    sorted(filter.types),
  ].join("|");
}

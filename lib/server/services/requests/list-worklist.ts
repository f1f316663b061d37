import "server-only";
import { hasWorklist, type Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { WorklistFilter } from "@/lib/domain/worklist-filter-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { toWorklistRow, worklistRowSelect, type WorklistRow } from "./request-dto";
import { visibleRequestsWhere } from "./request-scope";

/** Upper bound of rows in one worklist answer: a worklist is a screen, not an export. */
export const WORKLIST_LIMIT = 500;

/** The actor's worklist: visible requests, most urgent first, then the longest waiting. */
export async function listWorklist(args: { db: Db; actor: Actor; filter: WorklistFilter }): Promise<WorklistRow[]> {
  const { db, actor, filter } = args;
  if (!hasWorklist(actor)) throw new AppError("FORBIDDEN", "No worklist for this role");

  const where: Prisma.ReadingRequestWhereInput = {
    AND: [
      visibleRequestsWhere(actor),
      { status: { in: filter.statuses.length > 0 ? filter.statuses : [...OPEN_STATUSES] } },
      filter.siteIds.length > 0 ? { siteId: { in: filter.siteIds } } : {},
      filter.priorities.length > 0 ? { priority: { in: filter.priorities } } : {},
      filter.types.length > 0 ? { type: { in: filter.types } } : {},
    ],
  };

  // The database enum is declared VITAL, URGENT, ROUTINE: ORDER BY priority is by urgency.
  const records = await db.readingRequest.findMany({
    where,
    select: worklistRowSelect,
    orderBy: [{ priority: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
    take: WORKLIST_LIMIT,
  });

  await writeAudit(db, {
    actorId: actor.id,
    action: "WORKLIST_READ",
    entityType: "Worklist",
    detail: { count: records.length, requestIds: records.map((r) => r.id) },
  });
  return records.map(toWorklistRow);
}

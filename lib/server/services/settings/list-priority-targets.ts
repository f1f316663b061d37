import "server-only";
import type { Actor } from "@/lib/domain/access";
import { PRIORITIES, type Priority } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { canEditTargets } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

export interface PriorityTargetDto {
  priority: Priority;
  /** null when the row is missing (the migration inserts the defaults). */
  escalateAfterS: number | null;
  updatedAt: Date | null;
}

/** How long a request may wait unacknowledged before it escalates, per priority. */
export async function listPriorityTargets(args: { db: Db; actor: Actor }): Promise<PriorityTargetDto[]> {
  const { db, actor } = args;
  if (!canEditTargets(actor)) throw new AppError("FORBIDDEN", "Only the department head or an administrator sets targets");
  const rows = await db.priorityTarget.findMany({ select: { priority: true, escalateAfterS: true, updatedAt: true } });
  const byPriority = new Map(rows.map((row) => [row.priority, row]));
  return PRIORITIES.map((priority) => {
    const row = byPriority.get(priority);
    return { priority, escalateAfterS: row?.escalateAfterS ?? null, updatedAt: row?.updatedAt ?? null };
  });
}

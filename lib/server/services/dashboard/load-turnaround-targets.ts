import "server-only";
import { DEFAULT_TURNAROUND_TARGETS, type TurnaroundTargets } from "@/lib/domain/dashboard/segments";
import type { Db } from "../../db/client";

/** The targets per priority and segment: the table's rows over the defaults. */
export async function loadTurnaroundTargets(db: Db): Promise<TurnaroundTargets> {
  const rows = await db.turnaroundTarget.findMany({ select: { priority: true, segment: true, targetS: true } });
  const targets: TurnaroundTargets = {
    VITAL: { ...DEFAULT_TURNAROUND_TARGETS.VITAL },
    URGENT: { ...DEFAULT_TURNAROUND_TARGETS.URGENT },
    ROUTINE: { ...DEFAULT_TURNAROUND_TARGETS.ROUTINE },
  };
  for (const row of rows) targets[row.priority][row.segment] = row.targetS;
  return targets;
}

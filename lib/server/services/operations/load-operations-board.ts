import "server-only";
import type { Priority } from "@/lib/domain/enums";
import { summariseBacklog } from "@/lib/domain/operations/backlog";
import type { OperationsBoard } from "@/lib/domain/operations/board-view";
import { nextBoardChange } from "@/lib/domain/operations/next-board-change";
import { onCallLoads } from "@/lib/domain/operations/on-call-load";
import type { Db } from "../../db/client";
import { loadTurnaroundTargets } from "../dashboard/load-turnaround-targets";
import { queryAtRisk } from "./query-at-risk";
import { queryBacklog } from "./query-backlog";
import { queryEscalatedFindings, queryEscalatedRequests } from "./query-escalations";
import { queryCoveringShifts, queryHolderLoads, queryNextShiftStart } from "./query-on-call";

/** Rows per list on the screen; the counters give the totals. */
export const BOARD_LIST_LIMIT = 100;

/**
 * The board at `now`, with no role check and no audit (the callers do both). The targets
 * come first (the risk cutoffs depend on them); then each part is one query, all at once.
 * `listLimit` bounds the lists: the screen shows the first 100, an export more.
 */
export async function loadOperationsBoard(args: { db: Db; now: Date; listLimit?: number }): Promise<OperationsBoard> {
  const { db, now, listLimit = BOARD_LIST_LIMIT } = args;
  const allTargets = await loadTurnaroundTargets(db);
  const targets: Record<Priority, number> = {
    VITAL: allTargets.VITAL.SUBMITTED_TO_SIGNED,
    URGENT: allTargets.URGENT.SUBMITTED_TO_SIGNED,
    ROUTINE: allTargets.ROUTINE.SUBMITTED_TO_SIGNED,
  };

  const [backlogCounts, atRiskRows, escalatedRows, escalatedFindings, shifts, nextShiftStart, loads] = await Promise.all([
    queryBacklog(db, targets, now),
    queryAtRisk(db, targets, now, listLimit),
    queryEscalatedRequests(db, listLimit),
    queryEscalatedFindings(db, listLimit),
    queryCoveringShifts(db, now),
    queryNextShiftStart(db, now),
    queryHolderLoads(db),
  ]);

  const { backlog, counters } = summariseBacklog(backlogCounts.groups);
  const { onCall, offCallHolders } = onCallLoads(shifts, loads);
  const shiftEnds = shifts.map((shift) => shift.endsAt);
  return {
    generatedAt: now,
    nextChangeAt: nextBoardChange(now, backlogCounts.frontiers, [nextShiftStart, ...shiftEnds]),
    counters,
    targets,
    backlog,
    atRisk: { total: counters.atRisk, rows: atRiskRows },
    onCall,
    offCallHolders,
    escalatedRequests: { total: counters.escalated, rows: escalatedRows },
    escalatedFindings,
  };
}

import type { Priority, RequestStatus } from "../enums";
import { OPEN_STATUSES } from "../request-state-machine";
import { emptyAgeCounts, type AgeBucket } from "./age-buckets";
import type { Backlog, BacklogRow, BoardCounters } from "./board-view";

/** One group of open requests as the backlog query counts them (status x priority x age band). */
export interface BacklogGroup {
  status: RequestStatus;
  priority: Priority;
  bucket: AgeBucket;
  total: number;
  unassigned: number;
  escalated: number;
  atRisk: number;
  late: number;
}

function emptyPriorityCounts(): Record<Priority, number> {
  return { VITAL: 0, URGENT: 0, ROUTINE: 0 };
}

/**
 * The state x age matrix and the counters at the top of the board, from the grouped counts.
 * Every open status has a row, even empty, so the matrix keeps its shape as the day goes.
 * Groups of a status that is not open are ignored (the query should not return any).
 */
export function summariseBacklog(groups: readonly BacklogGroup[]): { backlog: Backlog; counters: BoardCounters } {
  const rows = new Map<RequestStatus, BacklogRow>(OPEN_STATUSES.map((status) => [status, { status, byAge: emptyAgeCounts(), byPriority: emptyPriorityCounts(), total: 0 }]));
  const byAge = emptyAgeCounts();
  const byPriority = emptyPriorityCounts();
  const counters: BoardCounters = { open: 0, atRisk: 0, late: 0, unassigned: 0, escalated: 0 };
  for (const group of groups) {
    const row = rows.get(group.status);
    if (!row) continue;
    row.byAge[group.bucket] += group.total;
    row.byPriority[group.priority] += group.total;
    row.total += group.total;
    byAge[group.bucket] += group.total;
    byPriority[group.priority] += group.total;
    counters.open += group.total;
    counters.atRisk += group.atRisk;
    counters.late += group.late;
    counters.unassigned += group.unassigned;
    counters.escalated += group.escalated;
  }
  return { backlog: { rows: [...rows.values()], byAge, byPriority, total: counters.open }, counters };
}


import type { Priority } from "./enums";

// Lower rank is more urgent. The database enum is declared in the same order, so
// ORDER BY priority gives the same ranking as this comparator.
const RANK: Record<Priority, number> = { VITAL: 0, URGENT: 1, ROUTINE: 2 };

export function priorityRank(priority: Priority): number {
  return RANK[priority];
}

export interface Orderable {
  priority: Priority;
  submittedAt: Date;
}

/** Worklist order: the most urgent first, then the one waiting longest. */
export function compareWorklistOrder(a: Orderable, b: Orderable): number {
  const byPriority = RANK[a.priority] - RANK[b.priority];
  if (byPriority !== 0) return byPriority;
  return a.submittedAt.getTime() - b.submittedAt.getTime();
}

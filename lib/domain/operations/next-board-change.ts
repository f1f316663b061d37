import { becomesAtRiskAt, becomesLateAt } from "./turnaround-risk";

/** Per priority, the oldest open request not yet at risk and the oldest at risk but not yet late. */
export interface RiskFrontier {
  targetS: number;
  oldestNotAtRisk: Date | null;
  oldestAtRiskNotLate: Date | null;
}

/**
 * The next instant the board changes by the clock alone: a request crosses into the at-risk
 * list or becomes late, or a shift starts or ends. Nothing publishes a hint then (nobody
 * acted: the very requests the board is for), so the client refetches at that instant.
 * Null when nothing is due.
 */
export function nextBoardChange(now: Date, frontiers: readonly RiskFrontier[], shiftBoundaries: readonly (Date | null)[]): Date | null {
  const candidates: Date[] = [];
  for (const frontier of frontiers) {
    if (frontier.oldestNotAtRisk) candidates.push(becomesAtRiskAt(frontier.oldestNotAtRisk, frontier.targetS));
    if (frontier.oldestAtRiskNotLate) candidates.push(becomesLateAt(frontier.oldestAtRiskNotLate, frontier.targetS));
  }
  for (const boundary of shiftBoundaries) if (boundary) candidates.push(boundary);
  const future = candidates.filter((at) => at.getTime() > now.getTime());
  if (future.length === 0) return null;
  return new Date(Math.min(...future.map((at) => at.getTime())));
}

/** Refetch no sooner than this after a load (a burst of crossings one after the other). */
export const MIN_REFRESH_MS = 5_000;
/** Refetch at least this often all the same: the ages in the matrix drift with the clock. */
export const MAX_REFRESH_MS = 5 * 60_000;

/** How long after receiving a board the client refetches it, if no hint came first. */
export function refreshDelayMs(board: { generatedAt: Date; nextChangeAt: Date | null }): number {
  if (!board.nextChangeAt) return MAX_REFRESH_MS;
  // A little after the change, so the server's clock has passed it too.
  const untilChange = board.nextChangeAt.getTime() - board.generatedAt.getTime() + 1_000;
  return Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, untilChange));
}

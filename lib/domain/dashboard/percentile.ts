// Percentiles by nearest rank: the p-th percentile is the smallest value such that at least
// p % of the values are at or below it. It is always one of the observed durations, which is
// what a head can check by hand against the list of requests behind a figure.

/** Nearest-rank percentile of values sorted ascending; null when there are none. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/** The rank (1-based) of the p-th percentile among n values. */
export function percentileRank(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
}

import type { DashboardView } from "./dashboard-view";
import { bucketOf, type DurationHistogram } from "./duration-histogram";
import { WATERFALL_STEPS } from "./segments";
import type { TurnaroundColumns } from "./turnaround-columns";

/**
 * Where the minutes went for the median request: the signed télédiagnostics whose submitted ->
 * signed lies between the 45th and 55th percentiles, and the mean of each consecutive step among
 * them, so that the bars add up. A milestone missing from a timeline takes the previous one's
 * time (a step of zero).
 */
export function medianWaterfall(c: TurnaroundColumns, signedRows: ArrayLike<number>, totals: DurationHistogram): DashboardView["waterfall"] {
  const median = totals.percentile(50);
  const low = totals.percentile(45);
  const high = totals.percentile(55);
  if (median === null || low === null || high === null) return null;
  const [lowBucket, highBucket] = [bucketOf(low), bucketOf(high)];
  const sums = WATERFALL_STEPS.map(() => 0);
  let sample = 0;
  for (let k = 0; k < signedRows.length; k += 1) {
    const i = signedRows[k]!;
    const total = c.signed[i]! - c.submitted[i]!;
    const bucket = bucketOf(total);
    if (bucket < lowBucket || bucket > highBucket) continue;
    sample += 1;
    let previous = c.submitted[i]!;
    WATERFALL_STEPS.forEach((step, index) => {
      const reached = c.milestone(step.to)[i] || previous;
      sums[index]! += Math.max(0, reached - previous);
      previous = Math.max(previous, reached);
    });
  }
  if (sample === 0) return null;
  const steps = WATERFALL_STEPS.map((step, index) => ({ from: step.from, to: step.to, meanS: sums[index]! / sample }));
  return { medianTotalS: median, sample, totalMeanS: steps.reduce((sum, step) => sum + step.meanS, 0), steps };
}

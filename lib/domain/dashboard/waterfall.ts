import type { DashboardView } from "./dashboard-view";
import { bucketFloor, bucketOf, type DurationHistogram } from "./duration-histogram";
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
  // The band is whole histogram buckets: [floor of the 45th's bucket, floor of the bucket after the 55th's).
  const from = bucketFloor(bucketOf(low));
  const to = bucketFloor(bucketOf(high) + 1);
  const milestones = WATERFALL_STEPS.map((step) => c.milestone(step.to));
  const sums = new Float64Array(WATERFALL_STEPS.length);
  const submitted = c.submitted;
  const signed = c.signed;
  let sample = 0;
  for (let k = 0; k < signedRows.length; k += 1) {
    const i = signedRows[k]!;
    const total = signed[i]! - submitted[i]!;
    if (total < from || total >= to) continue;
    sample += 1;
    let previous = submitted[i]!;
    for (let step = 0; step < milestones.length; step += 1) {
      const reached = milestones[step]![i] || previous;
      if (reached > previous) {
        sums[step]! += reached - previous;
        previous = reached;
      }
    }
  }
  if (sample === 0) return null;
  const steps = WATERFALL_STEPS.map((step, index) => ({ from: step.from, to: step.to, meanS: sums[index]! / sample }));
  return { medianTotalS: median, sample, totalMeanS: steps.reduce((sum, step) => sum + step.meanS, 0), steps };
}

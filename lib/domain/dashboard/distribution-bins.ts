import type { DurationHistogram } from "./duration-histogram";
import type { DistributionBin } from "./dashboard-view";

// Bars of a distribution: a round width chosen so that about 15 bars reach the 95th
// percentile; the last bar gathers everything beyond.

const NICE_WIDTHS_S = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];
const TARGET_BARS = 15;

export function distributionBins(histogram: DurationHistogram): DistributionBin[] {
  const p95 = histogram.percentile(95);
  if (p95 === null) return [];
  const width = NICE_WIDTHS_S.find((candidate) => candidate * TARGET_BARS >= p95) ?? NICE_WIDTHS_S.at(-1)!;
  const bars = Math.max(1, Math.ceil((p95 + 1) / width));
  const edges = Array.from({ length: bars + 1 }, (_, index) => index * width);
  const counts = histogram.bins(edges);
  return edges.map((fromS, index) => ({ fromS, toS: index < bars ? edges[index + 1]! : null, count: counts[index]! }));
}

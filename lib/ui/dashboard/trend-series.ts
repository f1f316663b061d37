import type { DashboardView, TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import { trendBuckets } from "@/lib/domain/dashboard/trend-buckets";
import { PRIORITIES, type Priority } from "@/lib/domain/enums";
import { parseLocalDate } from "@/lib/domain/rota/wall-clock";

// The trend as one series per priority, each on its own scale (a routine median of hours
// would flatten a vital one of minutes). A series has a row for every bucket of the period,
// its figures null where no request was completed, so that the line breaks there instead of
// drawing a slope across days without data.

const DAY_MS = 86_400_000;

export interface TrendRow {
  /** First day of the bucket. */
  start: string;
  /** The bucket's point; null when no request of the priority was completed in it. */
  point: TrendPoint | null;
  median: number | null;
  p90: number | null;
}

export interface TrendSeries {
  priority: Priority;
  rows: TrendRow[];
  /** The largest figure of the series, its target included, in seconds (the scale's extent). */
  maxS: number;
  targetS: number | null;
}

/** The first day of every bucket of the period, as the server cuts them. */
export function bucketStarts(period: { from: string; to: string }): string[] {
  const [from, to] = [parseLocalDate(period.from), parseLocalDate(period.to)];
  if (from === null || to === null || to < from) return [];
  return trendBuckets(Math.round(from / DAY_MS), Math.round(to / DAY_MS)).starts;
}

/** One series per priority that has at least one figure, in the priorities' order. */
export function trendSeries(view: Pick<DashboardView, "period" | "trend" | "targets">): TrendSeries[] {
  const starts = bucketStarts(view.period);
  const figures = view.trend.points.filter((point) => point.median !== null);
  return PRIORITIES.flatMap((priority) => {
    const own = new Map(figures.filter((point) => point.priority === priority).map((point) => [point.start, point]));
    if (own.size === 0) return [];
    // A point outside the computed buckets (should not happen) still shows, in date order.
    const days = [...new Set([...starts, ...own.keys()])].sort();
    const rows = days.map((start) => {
      const point = own.get(start) ?? null;
      return { start, point, median: point?.median ?? null, p90: point?.p90 ?? null };
    });
    const targetS = view.targets.find((target) => target.priority === priority && target.segment === view.trend.segment)?.targetS ?? null;
    const maxS = Math.max(targetS ?? 0, ...rows.map((row) => Math.max(row.median ?? 0, row.p90 ?? 0)));
    return [{ priority, rows, maxS, targetS }];
  });
}

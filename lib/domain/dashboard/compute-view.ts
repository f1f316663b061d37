import { PRIORITIES, REQUEST_TYPES } from "../enums";
import type { DashboardQuery } from "./dashboard-schemas";
import type { BreakdownGroup, DashboardView, HeatmapCell, SegmentFigures, TrendPoint } from "./dashboard-view";
import { distributionBins } from "./distribution-bins";
import { DurationHistogram } from "./duration-histogram";
import { groupKeys } from "./group-keys";
import { compileFilter, isClosed, REFUSED, rowMatches } from "./row-filter";
import { SegmentAccumulator } from "./segment-accumulator";
import { SEGMENT_BOUNDS, segmentApplies, SEGMENTS, type TurnaroundTargets } from "./segments";
import { trendBuckets } from "./trend-buckets";
import type { TurnaroundColumns } from "./turnaround-columns";
import { medianWaterfall } from "./waterfall";

export interface ViewContext {
  columns: TurnaroundColumns;
  query: DashboardQuery;
  targets: TurnaroundTargets;
  /** Epoch seconds: open requests are judged against it. */
  now: number;
  /** Radiologists on call per hour of the week (168 cells, Monday 00:00 first), for the heatmap. */
  onCall: readonly number[];
  /** How many times each hour of the week occurs in the period. */
  occurrences: Uint32Array;
  /** Site "CODE · name" and radiologist names by id. */
  labels: ReadonlyMap<string, string>;
}

/**
 * Every figure of the dashboard in one pass over the requests submitted in the period: the
 * summary per segment, the breakdown, the distributions, the trend of the focused segment,
 * arrivals by hour of the week, and the rows the waterfall needs (a second, short pass).
 */
export function computeView(context: ViewContext): DashboardView {
  const { columns: c, query, targets, now } = context;
  const filter = compileFilter(c, query.filter);
  const keys = groupKeys(c, query.breakdown);
  const bounds = SEGMENTS.map((segment) => ({ from: c.milestone(SEGMENT_BOUNDS[segment].from), to: c.milestone(SEGMENT_BOUNDS[segment].to) }));
  const targetOf = PRIORITIES.map((priority) => SEGMENTS.map((segment) => targets[priority][segment]));
  const applies = SEGMENTS.map((segment) => REQUEST_TYPES.map((type) => segmentApplies(segment, type)));
  const focus = SEGMENTS.indexOf(query.segment);
  const trend = trendBuckets(filter.fromDay, filter.toDay);

  const summary = SEGMENTS.map(() => new SegmentAccumulator());
  const groups = new Map<number, { submitted: number; segments: SegmentAccumulator[] }>();
  const trendCells = new Map<number, SegmentAccumulator>();
  const arrivals = new Uint32Array(168);
  const totals = { submitted: 0, open: 0, signed: 0, cancelled: 0, refused: 0 };
  // The waterfall follows télédiagnostics: a téléexpertise has no indication or acquisition step.
  const signedRows: number[] = [];
  const signedTotals = new DurationHistogram();
  const TELEDIAGNOSTIC = REQUEST_TYPES.indexOf("TELEDIAGNOSTIC");

  for (let i = 1; i < c.size; i += 1) {
    if (!rowMatches(c, filter, i)) continue;
    totals.submitted += 1;
    arrivals[c.hourOfWeek[i]!]! += 1;
    const closed = isClosed(c, i);
    if (c.cancelled[i]) totals.cancelled += 1;
    if (c.outcome[i] === REFUSED) totals.refused += 1;
    if (c.signed[i]) {
      totals.signed += 1;
      if (c.type[i] === TELEDIAGNOSTIC) {
        signedRows.push(i);
        signedTotals.add(c.signed[i]! - c.submitted[i]!);
      }
    } else if (!closed) totals.open += 1;

    const groupCode = keys.of(c, i);
    let group = groups.get(groupCode);
    if (!group) {
      group = { submitted: 0, segments: SEGMENTS.map(() => new SegmentAccumulator()) };
      groups.set(groupCode, group);
    }
    group.submitted += 1;
    const trendCode = trend.ofDay[c.localDay[i]! - filter.fromDay]! * PRIORITIES.length + c.priority[i]!;

    for (let s = 0; s < SEGMENTS.length; s += 1) {
      const start = bounds[s]!.from[i]!;
      if (start === 0 || !applies[s]![c.type[i]!]) continue;
      const end = bounds[s]!.to[i]!;
      const target = targetOf[c.priority[i]!]![s]!;
      if (end !== 0) {
        summary[s]!.completed(end - start, target);
        group.segments[s]!.completed(end - start, target);
      } else if (!closed) {
        summary[s]!.stillOpen(now - start, target);
        group.segments[s]!.stillOpen(now - start, target);
      } else continue;
      if (s === focus) {
        let cell = trendCells.get(trendCode);
        if (!cell) {
          cell = new SegmentAccumulator();
          trendCells.set(trendCode, cell);
        }
        if (end !== 0) cell.completed(end - start, target);
        else cell.stillOpen(now - start, target);
      }
    }
  }

  const chosenPriorities = query.filter.priorities.length > 0 ? query.filter.priorities : PRIORITIES;
  return {
    period: { from: query.filter.from, to: query.filter.to },
    computedAt: new Date(now * 1000).toISOString(),
    totals,
    summary: summary.map((accumulator, s) => accumulator.figures(SEGMENTS[s]!)),
    targets: chosenPriorities.flatMap((priority) => SEGMENTS.map((segment) => ({ priority, segment, targetS: targets[priority][segment] }))),
    breakdown: {
      dimension: query.breakdown,
      groups: breakdownGroups(groups, keys.key, context.labels, query.breakdown === "site" || query.breakdown === "radiologist"),
    },
    distributions: SEGMENTS.map((segment, s) => ({ segment, bins: distributionBins(summary[s]!.histogram) })),
    trend: { segment: query.segment, grain: trend.grain, points: trendPoints(trendCells, trend.starts) },
    heatmap: { cells: heatmapCells(arrivals, context.onCall, context.occurrences) },
    waterfall: medianWaterfall(c, signedRows, signedTotals),
  };
}

function breakdownGroups(
  groups: Map<number, { submitted: number; segments: SegmentAccumulator[] }>,
  keyOf: (code: number) => string,
  labels: ReadonlyMap<string, string>,
  byLabel: boolean,
): BreakdownGroup[] {
  const out = [...groups.entries()].map(([code, group]) => {
    const key = keyOf(code);
    const figures: SegmentFigures[] = group.segments.map((accumulator, s) => accumulator.figures(SEGMENTS[s]!));
    return { code, group: { key, label: labels.get(key) ?? "", submitted: group.submitted, figures } };
  });
  // By name for sites and radiologists, the requests nobody signed (code 0) last.
  out.sort((a, b) => (byLabel ? Number(a.code === 0) - Number(b.code === 0) || a.group.label.localeCompare(b.group.label, "fr") || a.code - b.code : a.code - b.code));
  return out.map((entry) => entry.group);
}

function trendPoints(cells: Map<number, SegmentAccumulator>, starts: readonly string[]): TrendPoint[] {
  return [...cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([code, cell]) => {
      const figures = cell.figures("SUBMITTED_TO_SIGNED");
      return {
        start: starts[Math.floor(code / PRIORITIES.length)]!,
        priority: PRIORITIES[code % PRIORITIES.length]!,
        count: figures.count,
        median: figures.median,
        p90: figures.p90,
        share: figures.share,
      };
    });
}

function heatmapCells(arrivals: Uint32Array, onCall: readonly number[], occurrences: Uint32Array): HeatmapCell[] {
  return Array.from({ length: 168 }, (_, cell) => ({
    weekday: Math.floor(cell / 24),
    hour: cell % 24,
    arrivals: arrivals[cell]!,
    arrivalsPerHour: occurrences[cell] ? arrivals[cell]! / occurrences[cell]! : 0,
    onCall: onCall[cell] ?? 0,
  }));
}

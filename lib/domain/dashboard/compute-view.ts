import { PRIORITIES, REQUEST_TYPES } from "../enums";
import type { DashboardQuery } from "./dashboard-schemas";
import type { BreakdownGroup, DashboardView, HeatmapCell, SegmentFigures, TrendPoint } from "./dashboard-view";
import { distributionBins } from "./distribution-bins";
import { bucketOf, DurationHistogram, HISTOGRAM_BUCKETS } from "./duration-histogram";
import { groupKeys, type GroupKeys } from "./group-keys";
import { compileFilter, isClosed, REFUSED, rowMatches } from "./row-filter";
import { scratch } from "./scratch";
import { COMPLETED, JUDGED, OPEN, SegmentTally, WITHIN } from "./segment-tally";
import { SEGMENT_BOUNDS, segmentApplies, SEGMENTS, type Segment, type TurnaroundTargets } from "./segments";
import { trendBuckets } from "./trend-buckets";
import type { TurnaroundColumns } from "./turnaround-columns";
import { medianWaterfall } from "./waterfall";

export interface ViewContext {
  columns: TurnaroundColumns;
  query: DashboardQuery;
  targets: TurnaroundTargets;
  /** Epoch seconds: open requests are judged against it. */
  now: number;
  /** How many times each hour of the week occurs in the period. */
  occurrences: Uint32Array;
}

/**
 * Every figure of the dashboard in one pass over the requests submitted in the period: the
 * summary per segment, the breakdown, the distributions, the trend of the focused segment,
 * arrivals by hour of the week, and the rows the waterfall needs (a second, short pass).
 * Names of sites and radiologists, and the on-call coverage, come from the database meanwhile:
 * complete-view.ts adds them.
 */
export function computeView(context: ViewContext): DashboardView {
  const { columns: c, query, targets, now } = context;
  const filter = compileFilter(c, query.filter);
  const keys = groupKeys(c, query.breakdown);
  const S = SEGMENTS.length;
  const B = HISTOGRAM_BUCKETS;
  const fromColumns = SEGMENTS.map((segment) => c.milestone(SEGMENT_BOUNDS[segment].from));
  const toColumns = SEGMENTS.map((segment) => c.milestone(SEGMENT_BOUNDS[segment].to));
  const targetOf = Float64Array.from(PRIORITIES.flatMap((priority) => SEGMENTS.map((segment) => targets[priority][segment])));
  const applies = Uint8Array.from(REQUEST_TYPES.flatMap((type) => SEGMENTS.map((segment) => (segmentApplies(segment, type) ? 1 : 0))));
  const focus = SEGMENTS.indexOf(query.segment);
  const trend = trendBuckets(filter.fromDay, filter.toDay);
  const groupOf = groupCodes(c, keys);

  // Every segment for the summary; the breakdown and the trend follow the focused segment only:
  // a histogram per group and segment would not stay in cache over a million requests.
  const overall = new SegmentTally("overall", 1, S);
  const counters = overall.counters;
  const histogram = overall.histogramOf(0);
  const groups = new SegmentTally("groups", keys.count, 1);
  const submittedByGroup = new Uint32Array(keys.count);
  const trendCells = new SegmentTally("trend", trend.starts.length * PRIORITIES.length, 1);
  const arrivals = new Uint32Array(168);
  const totals = { submitted: 0, open: 0, signed: 0, cancelled: 0, refused: 0 };
  // The waterfall follows télédiagnostics: a téléexpertise has no indication or acquisition step.
  const signedRows = scratch("signed-rows", c.size);
  let signedCount = 0;
  const signedTotals = new DurationHistogram();
  const TELEDIAGNOSTIC = REQUEST_TYPES.indexOf("TELEDIAGNOSTIC");

  // The hot loop of the dashboards (a million rows): counters and histograms are written in
  // place, with the rules of SegmentAccumulator (segment-tally.ts names the counters).
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
        signedRows[signedCount++] = i;
        signedTotals.add(c.signed[i]! - c.submitted[i]!);
      }
    } else if (!closed) totals.open += 1;

    const group = groupOf[i]!;
    submittedByGroup[group]! += 1;
    const priority = c.priority[i]!;
    const type = c.type[i]!;

    for (let s = 0; s < S; s += 1) {
      const start = fromColumns[s]![i]!;
      if (start === 0 || applies[type * S + s] === 0) continue;
      const end = toColumns[s]![i]!;
      const target = targetOf[priority * S + s]!;
      const at = s * 4;
      if (end !== 0) {
        const duration = end - start;
        histogram[s * B + bucketOf(duration)]! += 1;
        counters[at + COMPLETED]! += 1;
        counters[at + JUDGED]! += 1;
        if (duration <= target) counters[at + WITHIN]! += 1;
      } else if (!closed) {
        counters[at + OPEN]! += 1;
        if (now - start > target) counters[at + JUDGED]! += 1;
      } else continue;
      if (s === focus) {
        const cell = trend.ofDay[c.localDay[i]! - filter.fromDay]! * PRIORITIES.length + priority;
        if (end !== 0) {
          groups.completed(group, 0, end - start, target);
          trendCells.completed(cell, 0, end - start, target);
        } else {
          groups.stillOpen(group, 0, now - start, target);
          trendCells.stillOpen(cell, 0, now - start, target);
        }
      }
    }
  }

  const chosenPriorities = query.filter.priorities.length > 0 ? query.filter.priorities : PRIORITIES;
  const summary = SEGMENTS.map((_, s) => overall.accumulator(0, s));
  return {
    period: { from: query.filter.from, to: query.filter.to },
    computedAt: new Date(now * 1000).toISOString(),
    totals,
    summary: summary.map((accumulator, s) => accumulator.figures(SEGMENTS[s]!)),
    targets: chosenPriorities.flatMap((priority) => SEGMENTS.map((segment) => ({ priority, segment, targetS: targets[priority][segment] }))),
    breakdown: {
      dimension: query.breakdown,
      groups: breakdownGroups(groups, query.segment, submittedByGroup, keys.key),
    },
    distributions: SEGMENTS.map((segment, s) => ({ segment, bins: distributionBins(summary[s]!.histogram) })),
    trend: { segment: query.segment, grain: trend.grain, points: trendPoints(trendCells, trend.starts) },
    heatmap: { cells: heatmapCells(arrivals, context.occurrences) },
    waterfall: medianWaterfall(c, signedRows.subarray(0, signedCount), signedTotals),
  };
}

/**
 * The group of every row, copied into one Uint32Array: the hot loop then reads the same kind of
 * array whatever the dimension (a loop reading Uint8 and Uint16 columns in turn runs slower).
 */
function groupCodes(c: TurnaroundColumns, keys: GroupKeys): Uint32Array {
  const codes = scratch("group-codes", c.size);
  const column = keys.column(c);
  if (keys.via) copyThrough(codes, column, keys.via);
  else if (column instanceof Uint16Array) codes.set(column.subarray(0, c.size));
  else codes.set((column as Uint8Array).subarray(0, c.size));
  return codes;
}

function copyThrough(codes: Uint32Array, column: ArrayLike<number>, via: Uint8Array): void {
  for (let i = 0; i < codes.length; i += 1) codes[i] = via[column[i]!]!;
}

function breakdownGroups(
  groups: SegmentTally,
  segment: Segment,
  submitted: Uint32Array,
  keyOf: (code: number) => string,
): BreakdownGroup[] {
  const out: BreakdownGroup[] = [];
  for (let code = 0; code < submitted.length; code += 1) {
    if (submitted[code] === 0) continue;
    const figures: SegmentFigures[] = [groups.accumulator(code, 0).figures(segment)];
    out.push({ key: keyOf(code), label: "", submitted: submitted[code]!, figures });
  }
  return out;
}

function trendPoints(cells: SegmentTally, starts: readonly string[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let code = 0; code < cells.cells; code += 1) {
    if (!cells.has(code)) continue;
    const figures = cells.accumulator(code, 0).figures("SUBMITTED_TO_SIGNED");
    points.push({
      start: starts[Math.floor(code / PRIORITIES.length)]!,
      priority: PRIORITIES[code % PRIORITIES.length]!,
      count: figures.count,
      median: figures.median,
      p90: figures.p90,
      share: figures.share,
    });
  }
  return points;
}

function heatmapCells(arrivals: Uint32Array, occurrences: Uint32Array): HeatmapCell[] {
  return Array.from({ length: 168 }, (_, cell) => ({
    weekday: Math.floor(cell / 24),
    hour: cell % 24,
    arrivals: arrivals[cell]!,
    arrivalsPerHour: occurrences[cell] ? arrivals[cell]! / occurrences[cell]! : 0,
    onCall: 0,
  }));
}

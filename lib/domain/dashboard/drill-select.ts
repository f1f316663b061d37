import { PRIORITIES, REQUEST_TYPES } from "../enums";
import type { DrillDown } from "./dashboard-schemas";
import { groupKeys } from "./group-keys";
import { compileFilter, isClosed, rowMatches } from "./row-filter";
import { SEGMENT_BOUNDS, segmentApplies, type TurnaroundTargets } from "./segments";
import type { TurnaroundColumns } from "./turnaround-columns";

// The requests behind a figure: the same filter as the figure, narrowed by what was clicked
// (a segment and an outcome, a breakdown group, a bar of a distribution, a heatmap cell).
// Most recent first: ordinals follow submission order.

export interface DrillHit {
  ordinal: number;
  /** The segment's duration, or the time elapsed in it when open; null without a segment. */
  durationS: number | null;
  open: boolean;
  targetS: number | null;
  within: boolean | null;
}

export function selectDrillRows(c: TurnaroundColumns, drill: DrillDown, targets: TurnaroundTargets, now: number): { total: number; hits: DrillHit[] } {
  const filter = compileFilter(c, drill.filter);
  const keys = drill.group ? groupKeys(c, drill.group.dimension) : null;
  const group = drill.group && keys ? { keys, code: keys.parse(drill.group.key) } : null;
  if (group && group.code === undefined) return { total: 0, hits: [] };
  const segment = drill.segment;
  const from = segment ? c.milestone(SEGMENT_BOUNDS[segment].from) : null;
  const to = segment ? c.milestone(SEGMENT_BOUNDS[segment].to) : null;
  const cell = drill.cell ? drill.cell.weekday * 24 + drill.cell.hour : null;
  const hits: DrillHit[] = [];
  let total = 0;

  for (let i = c.size - 1; i >= 1; i -= 1) {
    if (!rowMatches(c, filter, i)) continue;
    if (group && group.keys.of(c, i) !== group.code) continue;
    if (cell !== null && c.hourOfWeek[i] !== cell) continue;
    let hit: DrillHit = { ordinal: i, durationS: null, open: false, targetS: null, within: null };
    if (segment && from && to) {
      const start = from[i]!;
      if (start === 0 || !segmentApplies(segment, REQUEST_TYPES[c.type[i]!]!)) continue;
      const end = to[i]!;
      const open = end === 0;
      if (open && isClosed(c, i)) continue;
      const durationS = (open ? now : end) - start;
      const targetS = targets[PRIORITIES[c.priority[i]!]!][segment];
      const late = durationS > targetS;
      if (!outcomeMatches(drill.outcome, open, late)) continue;
      if (drill.durationRange && (open || durationS < drill.durationRange.fromS || (drill.durationRange.toS !== null && durationS >= drill.durationRange.toS))) continue;
      hit = { ordinal: i, durationS, open, targetS, within: open ? (late ? false : null) : !late };
    }
    total += 1;
    if (total > drill.offset && hits.length < drill.limit) hits.push(hit);
  }
  return { total, hits };
}

function outcomeMatches(outcome: DrillDown["outcome"], open: boolean, late: boolean): boolean {
  switch (outcome) {
    case "all":
      return true;
    case "completed":
      return !open;
    case "open":
      return open;
    case "within":
      return !open && !late;
    case "missed":
      return late;
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}


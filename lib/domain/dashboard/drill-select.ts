import { PRIORITIES, REQUEST_TYPES } from "../enums";
import type { DrillDown } from "./dashboard-schemas";
import { groupKeys } from "./group-keys";
import { compileFilter, isClosed, rowMatches } from "./row-filter";
import { SEGMENT_BOUNDS, segmentApplies, type TurnaroundTargets } from "./segments";
import type { TurnaroundColumns } from "./turnaround-columns";

// The requests behind a figure: the same filter as the figure, narrowed by what was clicked
// (a segment and an outcome, a breakdown group, a bar of a distribution, a heatmap cell).
// Most recently submitted first.

export interface DrillHit {
  ordinal: number;
  /** The segment's duration, or the time elapsed in it when open; null without a segment. */
  durationS: number | null;
  open: boolean;
  targetS: number | null;
  within: boolean | null;
}

export function selectDrillRows(
  c: TurnaroundColumns,
  drill: Omit<DrillDown, "offset" | "limit">,
  targets: TurnaroundTargets,
  now: number,
  page: { offset: number; limit: number },
): { total: number; hits: DrillHit[] } {
  const filter = compileFilter(c, drill.filter);
  const keys = drill.group ? groupKeys(c, drill.group.dimension) : null;
  const groupCode = drill.group && keys ? keys.parse(drill.group.key) : null;
  if (drill.group && groupCode === undefined) return { total: 0, hits: [] };
  const cell = drill.cell ? drill.cell.weekday * 24 + drill.cell.hour : null;
  const hitOf = segmentHit(c, drill, targets, now);

  let matches = new Uint32Array(1024);
  let total = 0;
  for (let i = 1; i < c.size; i += 1) {
    if (!rowMatches(c, filter, i)) continue;
    if (keys && keys.of(c, i) !== groupCode) continue;
    if (cell !== null && c.hourOfWeek[i] !== cell) continue;
    if (hitOf(i) === null) continue;
    if (total === matches.length) {
      const grown = new Uint32Array(matches.length * 2);
      grown.set(matches);
      matches = grown;
    }
    matches[total] = i;
    total += 1;
  }
  // Ordinals follow insertion, not submission (a history imported later comes after): sort.
  const ordered = matches.subarray(0, total).sort((a, b) => c.submitted[b]! - c.submitted[a]! || b - a);
  const hits = Array.from(ordered.subarray(page.offset, page.offset + page.limit), (i) => hitOf(i)!);
  return { total, hits };
}

/** The hit of a row for the drill's segment and outcome, or null when the row is not behind the figure. */
function segmentHit(c: TurnaroundColumns, drill: Omit<DrillDown, "offset" | "limit">, targets: TurnaroundTargets, now: number): (i: number) => DrillHit | null {
  const segment = drill.segment;
  if (!segment) return (i) => ({ ordinal: i, durationS: null, open: false, targetS: null, within: null });
  const from = c.milestone(SEGMENT_BOUNDS[segment].from);
  const to = c.milestone(SEGMENT_BOUNDS[segment].to);
  const range = drill.durationRange;
  return (i) => {
    const start = from[i]!;
    if (start === 0 || !segmentApplies(segment, REQUEST_TYPES[c.type[i]!]!)) return null;
    const end = to[i]!;
    const open = end === 0;
    if (open && isClosed(c, i)) return null;
    // Clock skew can make a duration negative: it counts as 0, as in the histograms.
    const durationS = Math.max(0, (open ? now : end) - start);
    const targetS = targets[PRIORITIES[c.priority[i]!]!][segment];
    const late = durationS > targetS;
    if (!outcomeMatches(drill.outcome, open, late)) return null;
    if (range && (open || durationS < range.fromS || (range.toS !== null && durationS >= range.toS))) return null;
    return { ordinal: i, durationS, open, targetS, within: open ? (late ? false : null) : !late };
  };
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

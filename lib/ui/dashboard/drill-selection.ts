import type { BreakdownDimension, DashboardFilter, DrillDownInput, DrillOutcome } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DistributionBin, HeatmapCell, TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import { groupName, hourRange, weekdayName } from "@/lib/domain/dashboard/group-name";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { addDays, mondayOf } from "@/lib/domain/rota/wall-clock";
import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/types";
import { formatDay, spansYears } from "./format-date";
import { formatDuration } from "./format-duration";

// A click on a figure becomes a drill-down: the filter of the figures on screen narrowed by
// the figure's coordinates, and the words saying what was clicked (the panel's title).

export type DrillRequest = Omit<DrillDownInput, "offset" | "limit"> & { filter: DashboardFilter };

export interface DrillSelection {
  what: string;
  input: DrillRequest;
}

/** A figure computed from the completed requests: it opens them, and says so. */
export interface FigureBasis {
  figure: "median" | "p90";
  /** The figure as shown ("1 h 20"). */
  value: string;
}

const EMPTY = { segment: null, group: null, durationRange: null, cell: null, outcome: "all" } as const;

function join(parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null && part !== "").join(" · ");
}

function outcomeWords(t: Translate, outcome: DrillOutcome): string | null {
  return outcome === "all" ? null : t(`dashboard.drill.outcome.${outcome}`);
}

function basisWords(t: Translate, basis: FigureBasis): string {
  return t("dashboard.drill.basis", { figure: t(`dashboard.drill.figure.${basis.figure}`), value: basis.value });
}

export function totalDrill(t: Translate, filter: DashboardFilter): DrillSelection {
  return { what: t("dashboard.drill.allRequests"), input: { ...EMPTY, filter } };
}

/** A cell of the summary: a count or a split by its outcome, a median or a p90 by its basis. */
export function summaryDrill(t: Translate, filter: DashboardFilter, segment: Segment, outcome: DrillOutcome | FigureBasis): DrillSelection {
  if (typeof outcome === "object") {
    return { what: join([t(`dashboard.segment.${segment}`), basisWords(t, outcome)]), input: { ...EMPTY, filter, segment, outcome: "completed" } };
  }
  return { what: join([t(`dashboard.segment.${segment}`), outcomeWords(t, outcome)]), input: { ...EMPTY, filter, segment, outcome } };
}

/**
 * A row of the breakdown. Without a segment: every request of the group; with one, the
 * group's completed requests by default (its count), or those of an outcome or a figure.
 */
export function groupDrill(
  t: Translate,
  filter: DashboardFilter,
  dimension: BreakdownDimension,
  group: { key: string; label: string },
  segment: Segment | null,
  outcome: "completed" | "within" | FigureBasis = "completed",
): DrillSelection {
  const where = t("dashboard.drill.group", { dimension: t(`dashboard.breakdown.dimensions.${dimension}`), value: groupName(t, dimension, group) });
  const selection = { ...EMPTY, filter, group: { dimension, key: group.key } };
  if (segment === null) return { what: join([t("dashboard.drill.allRequests"), where]), input: selection };
  const words = typeof outcome === "object" ? basisWords(t, outcome) : outcome === "within" ? outcomeWords(t, outcome) : null;
  return {
    what: join([t(`dashboard.segment.${segment}`), where, words]),
    input: { ...selection, segment, outcome: typeof outcome === "object" ? "completed" : outcome },
  };
}

export function binRange(t: Translate, bin: DistributionBin, locale: Locale): string {
  const from = formatDuration(bin.fromS, locale);
  return bin.toS === null ? t("dashboard.charts.binOpen", { from }) : t("dashboard.charts.binRange", { from, to: formatDuration(bin.toS, locale) });
}

export function binDrill(t: Translate, locale: Locale, filter: DashboardFilter, segment: Segment, bin: DistributionBin): DrillSelection {
  return {
    what: join([t(`dashboard.segment.${segment}`), binRange(t, bin, locale)]),
    input: { ...EMPTY, filter, segment, durationRange: { fromS: bin.fromS, toS: bin.toS } },
  };
}

export function cellDrill(t: Translate, filter: DashboardFilter, cell: Pick<HeatmapCell, "weekday" | "hour">): DrillSelection {
  const when = `${weekdayName(t, cell.weekday)} ${hourRange(t, cell.hour)}`;
  return { what: join([t("dashboard.drill.allRequests"), when]), input: { ...EMPTY, filter, cell: { weekday: cell.weekday, hour: cell.hour } } };
}

/** The last day of the trend bucket starting at `start`, clipped to the period. */
export function bucketEnd(start: string, grain: "day" | "week" | "month", periodTo: string): string {
  let end: string;
  if (grain === "day") end = start;
  else if (grain === "week") end = addDays(mondayOf(start), 6);
  else {
    const [year, month] = start.split("-").map(Number) as [number, number];
    end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  }
  return end < periodTo ? end : periodTo;
}

/** A point of the trend: its figures are the bucket's completed requests of its priority. */
export function trendDrill(
  t: Translate,
  locale: Locale,
  filter: DashboardFilter,
  segment: Segment,
  grain: "day" | "week" | "month",
  point: Pick<TrendPoint, "start" | "priority">,
): DrillSelection {
  const to = bucketEnd(point.start, grain, filter.to);
  const from = point.start > filter.from ? point.start : filter.from;
  const year = spansYears({ from, to }) || spansYears(filter);
  const when = from === to ? formatDay(from, locale, { weekday: true, year }) : t("dashboard.drill.period", { from: formatDay(from, locale, { year }), to: formatDay(to, locale, { year }) });
  return {
    what: join([t(`dashboard.segment.${segment}`), t(`priority.${point.priority}`), when, t("dashboard.drill.outcome.completed")]),
    input: { ...EMPTY, filter: { ...filter, from, to, priorities: [point.priority] }, segment, outcome: "completed" },
  };
}

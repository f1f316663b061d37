import { MODALITIES, PRIORITIES, REQUEST_TYPES } from "@/lib/domain/enums";
import { BREAKDOWN_DIMENSIONS, type DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import { SEGMENTS } from "@/lib/domain/dashboard/segments";
import { addDays, parseLocalDate } from "@/lib/domain/rota/wall-clock";

// The dashboard's view lives in the query string, so that a head can share or bookmark it:
// ?from=2026-01-01&to=2026-01-31&site=<id>,<id>&priority=VITAL&breakdown=site&segment=...
// Parsing is forgiving (a hand-edited link drops what it cannot read rather than failing) and
// always yields the complete query, so the server's prefetch and the browser ask for the
// very same input. Defaults are left out of the URL to keep shared links short.

export const DEFAULT_PERIOD_DAYS = 30;
const DEFAULT_BREAKDOWN = "priority";
const DEFAULT_SEGMENT = "SUBMITTED_TO_SIGNED";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SearchRecord = Record<string, string | string[] | undefined>;

/** The last 30 days, today included ("today" in the territory's time zone, from the server). */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today };
}

export function toSearchParams(record: SearchRecord): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, one);
  }
  return params;
}

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(","))
    .filter((value) => value !== "");
}

function oneOf<T extends string>(values: readonly T[], candidates: string[]): T[] {
  const chosen = new Set(candidates);
  // Canonical order, no duplicates: the same view always makes the same query key.
  return values.filter((value) => chosen.has(value));
}

function ids(candidates: string[]): string[] {
  return [...new Set(candidates.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))].sort();
}

function date(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value !== null && parseLocalDate(value) !== null ? value : null;
}

export function parseDashboardSearch(params: URLSearchParams, today: string): DashboardQuery {
  const period = defaultPeriod(today);
  const breakdown = params.get("breakdown");
  const segment = params.get("segment");
  return {
    filter: {
      from: date(params, "from") ?? period.from,
      to: date(params, "to") ?? period.to,
      siteIds: ids(list(params, "site")),
      priorities: oneOf(PRIORITIES, list(params, "priority")),
      types: oneOf(REQUEST_TYPES, list(params, "type")),
      modalities: oneOf(MODALITIES, list(params, "modality")),
      radiologistIds: ids(list(params, "radiologist")),
    },
    breakdown: BREAKDOWN_DIMENSIONS.find((value) => value === breakdown) ?? DEFAULT_BREAKDOWN,
    segment: SEGMENTS.find((value) => value === segment) ?? DEFAULT_SEGMENT,
  };
}

/** The query string of a view ("" for the default view), without the leading "?". */
export function dashboardSearch(query: DashboardQuery, today: string): string {
  const params = new URLSearchParams();
  const period = defaultPeriod(today);
  const { filter } = query;
  if (filter.from !== period.from || filter.to !== period.to) {
    params.set("from", filter.from);
    params.set("to", filter.to);
  }
  const lists: [string, readonly string[]][] = [
    ["site", ids(filter.siteIds)],
    ["priority", oneOf(PRIORITIES, filter.priorities)],
    ["type", oneOf(REQUEST_TYPES, filter.types)],
    ["modality", oneOf(MODALITIES, filter.modalities)],
    ["radiologist", ids(filter.radiologistIds)],
  ];
  for (const [name, values] of lists) if (values.length > 0) params.set(name, values.join(","));
  if (query.breakdown !== DEFAULT_BREAKDOWN) params.set("breakdown", query.breakdown);
  if (query.segment !== DEFAULT_SEGMENT) params.set("segment", query.segment);
  return params.toString();
}

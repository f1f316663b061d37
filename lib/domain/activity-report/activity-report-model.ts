import type { DashboardView, SegmentFigures } from "../dashboard/dashboard-view";
import { SEGMENTS, type Segment } from "../dashboard/segments";
import { MODALITIES, PRIORITIES, REQUEST_TYPES, type Modality, type Priority, type RequestType } from "../enums";
import { instantToWallClock } from "../rota/wall-clock";
import type { Month } from "./activity-report-schema";

// The monthly activity report as data, assembled from the dashboard's figures (so that the
// report and the dashboard can never disagree on a median) and from the refusal and
// cancellation events of the month. Pure: the service gathers, this arranges, the renderer
// draws. Labels are the renderer's business (the document is French whatever the reader's
// interface language).

export type ActivityScope =
  | { kind: "site"; code: string; name: string }
  | { kind: "group"; name: string; sites: { code: string; name: string }[] };

export interface CountOf<K extends string> {
  key: K;
  count: number;
}

export interface TurnaroundRow {
  segment: Segment;
  count: number;
  open: number;
  median: number | null;
  p90: number | null;
  share: number | null;
  /** The priority's target (seconds); null for the all-priorities table (each has its own). */
  targetS: number | null;
}

export interface TurnaroundTable {
  /** null: all priorities together. */
  priority: Priority | null;
  submitted: number;
  rows: TurnaroundRow[];
}

/** A refusal or a cancellation as the report lists it: no patient identity, only the request's coordinates. */
export interface DecisionEvent {
  at: Date;
  accessionNumber: string;
  siteCode: string;
  type: RequestType;
  priority: Priority;
  modality: Modality;
  reason: string | null;
}

export interface DecisionRow extends Omit<DecisionEvent, "at" | "reason"> {
  /** "dd/mm/yyyy HH:MM", Paris time. */
  date: string;
  reason: string;
}

export interface ActivityReport {
  month: Month;
  period: { from: string; to: string };
  /** The current month: figures still moving. */
  provisional: boolean;
  scope: ActivityScope;
  volumes: {
    submitted: number;
    signed: number;
    cancelled: number;
    refused: number;
    open: number;
    byType: CountOf<RequestType>[];
    byPriority: CountOf<Priority>[];
    /** Only the modalities the month saw, in the catalogue's order. */
    byModality: CountOf<Modality>[];
  };
  turnaround: TurnaroundTable[];
  refusals: DecisionRow[];
  cancellations: DecisionRow[];
}

/** What the requester wrote nothing for still shows as a line of the list. */
export const NO_REASON = "(motif non renseigné)";

export interface ActivityReportSources {
  month: Month;
  period: { from: string; to: string };
  provisional: boolean;
  scope: ActivityScope;
  /**
   * The dashboard over the scope and month, broken down by priority, type and modality, and
   * for each priority alone (its summary has every segment; a breakdown has the focused one).
   */
  views: { byPriority: DashboardView; byType: DashboardView; byModality: DashboardView; perPriority: Record<Priority, DashboardView> };
  refusals: readonly DecisionEvent[];
  cancellations: readonly DecisionEvent[];
}

export function assembleActivityReport(sources: ActivityReportSources): ActivityReport {
  const { views } = sources;
  const { totals } = views.byPriority;
  return {
    month: sources.month,
    period: sources.period,
    provisional: sources.provisional,
    scope: sources.scope,
    volumes: {
      submitted: totals.submitted,
      signed: totals.signed,
      cancelled: totals.cancelled,
      refused: totals.refused,
      open: totals.open,
      byType: countsOf(views.byType, REQUEST_TYPES),
      byPriority: countsOf(views.byPriority, PRIORITIES),
      byModality: countsOf(views.byModality, MODALITIES).filter((entry) => entry.count > 0),
    },
    turnaround: [
      { priority: null, submitted: totals.submitted, rows: turnaroundRows(views.byPriority.summary, () => null) },
      ...PRIORITIES.map((priority) => {
        const view = views.perPriority[priority];
        const target = (segment: Segment) => view.targets.find((t) => t.priority === priority && t.segment === segment)?.targetS ?? null;
        return { priority, submitted: view.totals.submitted, rows: turnaroundRows(view.summary, target) };
      }),
    ],
    refusals: decisionRows(sources.refusals),
    cancellations: decisionRows(sources.cancellations),
  };
}

/** The submitted count of each value, zero for a value the month did not see, in the given order. */
function countsOf<K extends string>(view: DashboardView, keys: readonly K[]): CountOf<K>[] {
  return keys.map((key) => ({ key, count: view.breakdown.groups.find((group) => group.key === key)?.submitted ?? 0 }));
}

/** Every segment in the order, empty figures where nothing went through it. */
function turnaroundRows(figures: readonly SegmentFigures[], target: (segment: Segment) => number | null): TurnaroundRow[] {
  return SEGMENTS.map((segment) => {
    const found = figures.find((candidate) => candidate.segment === segment);
    return {
      segment,
      count: found?.count ?? 0,
      open: found?.open ?? 0,
      median: found?.median ?? null,
      p90: found?.p90 ?? null,
      share: found?.share ?? null,
      targetS: target(segment),
    };
  });
}

/** In time order (then by accession number, so that equal instants print the same way every time). */
export function decisionRows(events: readonly DecisionEvent[]): DecisionRow[] {
  return [...events]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.accessionNumber < b.accessionNumber ? -1 : a.accessionNumber > b.accessionNumber ? 1 : 0))
    .map(({ at, reason, ...rest }) => ({ ...rest, date: parisDateTime(at), reason: reason?.trim() ? reason.trim() : NO_REASON }));
}

function parisDateTime(instant: Date): string {
  const clock = instantToWallClock(instant);
  return `${clock.date.slice(8, 10)}/${clock.date.slice(5, 7)}/${clock.date.slice(0, 4)} ${clock.time}`;
}

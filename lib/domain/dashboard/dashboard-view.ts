import type { Modality, Priority, RequestStatus, RequestType } from "../enums";
import type { BreakdownDimension } from "./dashboard-schemas";
import type { Milestone, Segment } from "./segments";

// What the turnaround dashboard shows, as the server computes it. Durations are seconds.

export interface SegmentFigures {
  segment: Segment;
  /** Requests that went through the segment in the period. */
  count: number;
  /** Requests that entered the segment and have not left it (not counted in the percentiles). */
  open: number;
  median: number | null;
  p90: number | null;
  /** Completed within their priority's target. */
  within: number;
  /** Requests judged against the target: completed ones, plus open ones already past it. */
  judged: number;
  /** within / judged, null when nothing was judged. */
  share: number | null;
}

export interface BreakdownGroup {
  /** Dimension value: a site or radiologist id, an enum value, an hour "0".."23", a weekday "0" (Monday).."6". */
  key: string;
  /** Site code and name, radiologist name; empty for enums, hours and weekdays (the UI translates). */
  label: string;
  submitted: number;
  /** The focused segment's figures (one entry: the query's segment). */
  figures: SegmentFigures[];
}

export interface DistributionBin {
  fromS: number;
  /** null: the last bar, open-ended. */
  toS: number | null;
  count: number;
}

export interface TrendPoint {
  /** First day of the bucket, "YYYY-MM-DD". */
  start: string;
  priority: Priority;
  count: number;
  median: number | null;
  p90: number | null;
  share: number | null;
}

export interface HeatmapCell {
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  hour: number;
  arrivals: number;
  /** Arrivals divided by the number of such hours in the period. */
  arrivalsPerHour: number;
  /** Radiologists on call for the filtered sites in that hour, on average over the period. */
  onCall: number;
}

export interface WaterfallStep {
  from: Milestone;
  to: Milestone;
  meanS: number;
}

export interface DashboardView {
  period: { from: string; to: string };
  /** The instant the figures were computed at (open requests are judged against it). */
  computedAt: string;
  totals: { submitted: number; open: number; signed: number; cancelled: number; refused: number };
  summary: SegmentFigures[];
  /** Targets of the selected priorities, per segment (seconds). */
  targets: { priority: Priority; segment: Segment; targetS: number }[];
  breakdown: { dimension: BreakdownDimension; groups: BreakdownGroup[] };
  distributions: { segment: Segment; bins: DistributionBin[] }[];
  trend: { segment: Segment; grain: "day" | "week" | "month"; points: TrendPoint[] };
  heatmap: { cells: HeatmapCell[] };
  /**
   * Where the minutes went for the median request: the télédiagnostics around the median of
   * submitted -> signed (45th to 55th percentile), with the mean of each step. The steps add
   * up to their mean total. Null when no télédiagnostic was signed in the period.
   */
  waterfall: { medianTotalS: number; sample: number; totalMeanS: number; steps: WaterfallStep[] } | null;
}

export interface DrillRow {
  requestId: string;
  accessionNumber: string;
  siteCode: string;
  type: RequestType;
  priority: Priority;
  modality: Modality;
  status: RequestStatus;
  submittedAt: string;
  /** The segment's duration; elapsed so far when open; null when the segment does not apply. */
  durationS: number | null;
  open: boolean;
  targetS: number | null;
  within: boolean | null;
  radiologistName: string | null;
}

export interface DrillDownPage {
  total: number;
  rows: DrillRow[];
}

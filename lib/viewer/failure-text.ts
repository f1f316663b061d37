import type { ViewerSeries } from "@/lib/domain/viewer-opening";
import type { LoadFailureReason, ViewportFailure } from "./viewport-display";

// The words a failed viewport shows inside itself: which series, which image, why. Pure, so
// the wording is tested; the service writes the lines into the cell.

export interface FailureLabels {
  title: string;
  /** "{series}" */
  series: string;
  /** "{index}", "{count}" */
  image: string;
  wholeSeries: string;
  /** "{reason}" */
  reason: string;
  http404: string;
  /** "{status}" */
  http: string;
  /** "{message}" */
  decode: string;
  /** "{bytes}" */
  truncated: string;
  /** "{seconds}" */
  timeout: string;
  emptySeries: string;
  /** "{message}" */
  unknown: string;
  retry: string;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** How the reader knows a series: its number, modality and description ("S3 · CT · THORAX"). */
export function seriesTitle(series: Pick<ViewerSeries, "number" | "modality" | "description">): string {
  return [series.number !== null ? `S${series.number}` : null, series.modality || null, series.description].filter(Boolean).join(" · ");
}

export function reasonText(reason: LoadFailureReason, labels: FailureLabels): string {
  switch (reason.kind) {
    case "http":
      return reason.status === 404 ? labels.http404 : fill(labels.http, { status: reason.status });
    case "decode":
      return fill(labels.decode, { message: reason.message });
    case "truncated":
      return fill(labels.truncated, { bytes: reason.bytes });
    case "timeout":
      return fill(labels.timeout, { seconds: reason.seconds });
    case "empty-series":
      return labels.emptySeries;
    case "unknown":
      return fill(labels.unknown, { message: reason.message });
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}

export function failureLines(failure: ViewportFailure, context: { seriesTitle: string; imageCount: number | null }, labels: FailureLabels): string[] {
  const image =
    failure.imageIndex === null || context.imageCount === null ? labels.wholeSeries : fill(labels.image, { index: failure.imageIndex + 1, count: context.imageCount });
  return [labels.title, fill(labels.series, { series: context.seriesTitle }), image, fill(labels.reason, { reason: reasonText(failure.reason, labels) })];
}

"use client";

import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import type { Priority } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { dateOfDay, formatBucket, formatTick, spansYears } from "./format-date";
import { durationUnitFor, formatDuration } from "./format-duration";
import { bindMarkClicks } from "./plot-clicks";
import type { TrendSeries } from "./trend-series";
import { usePlot } from "./use-plot";

const CLICKABLE = "dash-trend-points";
/** The priorities' colours of the worklist (globals.css --vital, --urgent, --muted). */
const PRIORITY_COLOURS: Record<Priority, string> = { VITAL: "#c4161c", URGENT: "#b45309", ROUTINE: "#5b6677" };

/**
 * One priority's median (solid line, dots: a click lists the point's requests) and 90th
 * percentile (dotted line, hollow triangles, visible even where it equals the median) over
 * the period, and its target (dashed). The line breaks at buckets without a figure.
 */
export function TrendPanel(props: {
  series: TrendSeries;
  period: { from: string; to: string };
  grain: "day" | "week" | "month";
  onPoint: (point: TrendPoint) => void;
}) {
  const { t, locale } = useI18n();
  const { series, period, grain, onPoint } = props;
  const priority = t(`priority.${series.priority}`);
  const build = useCallback(
    (width: number) => {
      const unit = durationUnitFor(series.maxS);
      const colour = PRIORITY_COLOURS[series.priority];
      const withYear = spansYears(period);
      const scaled = (seconds: number | null) => (seconds === null ? null : seconds / unit.seconds);
      const rows = series.rows.map((row) => ({ date: dateOfDay(row.start), median: scaled(row.median), p90: scaled(row.p90) }));
      const points = series.rows.flatMap((row) => {
        const point = row.point;
        if (point === null) return [];
        const title = t("dashboard.charts.trendTitle", {
          priority,
          when: formatBucket(t, locale, row.start, grain, withYear),
          median: formatDuration(point.median, locale),
          p90: formatDuration(point.p90, locale),
          count: point.count,
        });
        return [{ point, date: dateOfDay(row.start), median: scaled(point.median), p90: scaled(point.p90), title }];
      });
      const target =
        series.targetS === null ? [] : [{ y: series.targetS / unit.seconds, title: t("dashboard.charts.targetTitle", { priority, target: formatDuration(series.targetS, locale) }) }];
      const figure = Plot.plot({
        width,
        height: 170,
        marginLeft: 50,
        marginRight: 16,
        // The period, whatever days have figures: a gap at either end is news too.
        x: { type: "utc", domain: [dateOfDay(period.from), dateOfDay(period.to)], inset: 10, label: null, tickFormat: (date: Date) => formatTick(date, locale, grain) },
        y: { grid: true, zero: true, nice: true, label: t(`dashboard.charts.units.${unit.unit}`) },
        marks: [
          Plot.ruleY(target, { y: "y", stroke: colour, strokeDasharray: "6,4", strokeWidth: 1.5, title: "title" }),
          Plot.lineY(rows, { x: "date", y: "p90", stroke: colour, strokeDasharray: "2,3", strokeWidth: 1.5 }),
          Plot.lineY(rows, { x: "date", y: "median", stroke: colour, strokeWidth: 2 }),
          Plot.dot(points, { x: "date", y: "p90", symbol: "triangle", r: 5, stroke: colour, strokeWidth: 1.5, fill: "white", title: "title" }),
          Plot.dot(points, { x: "date", y: "median", r: 3.5, fill: colour, title: "title", className: CLICKABLE }),
        ],
      });
      bindMarkClicks(
        figure,
        CLICKABLE,
        (index) => {
          const row = points[index];
          if (row) onPoint(row.point);
        },
        (index) => points[index]?.title,
      );
      return figure;
    },
    [series, period, grain, onPoint, priority, t, locale],
  );
  const ref = usePlot(build);
  return (
    <div className="dash-trend-panel" data-priority={series.priority}>
      <p className="dash-trend-head">
        <span className={`badge dash-priority priority-${series.priority}`}>{priority}</span>
        {series.targetS !== null && <span className="muted">{t("dashboard.charts.trendTarget", { target: formatDuration(series.targetS, locale) })}</span>}
      </p>
      <div ref={ref} className="dash-plot" />
    </div>
  );
}

"use client";

import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { DashboardView, TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import { PRIORITIES, type Priority } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { durationUnitFor, formatDuration } from "./format-duration";
import { bindMarkClicks } from "./plot-clicks";
import { usePlot } from "./use-plot";

const CLICKABLE = "dash-trend-points";
/** The priorities' colours of the worklist (globals.css --vital, --urgent, --muted). */
const PRIORITY_COLOURS: Record<Priority, string> = { VITAL: "#c4161c", URGENT: "#b45309", ROUTINE: "#5b6677" };

/** The focused segment over time: median (solid) and p90 (dotted) per priority, targets dashed. */
export function TrendChart(props: { view: DashboardView; onPoint: (point: TrendPoint) => void }) {
  const { t, locale } = useI18n();
  const { trend, targets } = props.view;
  const { onPoint } = props;
  const build = useCallback(
    (width: number) => {
      const points = trend.points.filter((point) => point.median !== null);
      if (points.length === 0) return null;
      const segmentTargets = targets.filter((target) => target.segment === trend.segment);
      const unit = durationUnitFor(Math.max(...points.map((point) => point.p90 ?? point.median ?? 0), ...segmentTargets.map((target) => target.targetS)));
      const shown = PRIORITIES.filter((priority) => points.some((point) => point.priority === priority) || segmentTargets.some((target) => target.priority === priority));
      const dateTag = locale === "fr" ? "fr-FR" : "en-GB";
      const rows = points.map((point) => ({
        point,
        date: new Date(`${point.start}T00:00:00Z`),
        priority: t(`priority.${point.priority}`),
        median: (point.median ?? 0) / unit.seconds,
        p90: point.p90 === null ? null : point.p90 / unit.seconds,
        title: t("dashboard.charts.trendTitle", {
          priority: t(`priority.${point.priority}`),
          start: point.start,
          median: formatDuration(point.median, locale),
          p90: formatDuration(point.p90, locale),
          count: point.count,
        }),
      }));
      const targetRows = segmentTargets.map((target) => ({
        y: target.targetS / unit.seconds,
        priority: t(`priority.${target.priority}`),
        title: t("dashboard.charts.targetTitle", { priority: t(`priority.${target.priority}`), target: formatDuration(target.targetS, locale) }),
      }));
      const figure = Plot.plot({
        width,
        height: 300,
        marginLeft: 50,
        x: { type: "utc", label: null, tickFormat: (date: Date) => date.toLocaleDateString(dateTag, { day: "numeric", month: "short", timeZone: "UTC" }) },
        y: { grid: true, zero: true, label: t(`dashboard.charts.units.${unit.unit}`) },
        color: { domain: shown.map((priority) => t(`priority.${priority}`)), range: shown.map((priority) => PRIORITY_COLOURS[priority]), legend: true },
        marks: [
          Plot.ruleY(targetRows, { y: "y", stroke: "priority", strokeDasharray: "6,4", strokeWidth: 1.5, title: "title" }),
          Plot.lineY(rows, { x: "date", y: "p90", stroke: "priority", strokeDasharray: "2,3", strokeWidth: 1.5 }),
          Plot.lineY(rows, { x: "date", y: "median", stroke: "priority", strokeWidth: 2 }),
          Plot.dot(rows, { x: "date", y: "median", fill: "priority", r: 4, title: "title", className: CLICKABLE }),
        ],
      });
      bindMarkClicks(figure, CLICKABLE, (index) => {
        const row = rows[index];
        if (row) onPoint(row.point);
      });
      return figure;
    },
    [trend, targets, onPoint, t, locale],
  );
  const ref = usePlot(build);
  const empty = trend.points.every((point) => point.median === null);
  return (
    <figure className="dash-chart" data-testid="dash-chart-trend">
      <figcaption>{t("dashboard.charts.trend", { segment: t(`dashboard.segment.${trend.segment}`) })}</figcaption>
      {empty ? <p className="muted">{t("dashboard.charts.noData")}</p> : <p className="muted dash-note">{t("dashboard.charts.trendLegend")}</p>}
      <div ref={ref} className="dash-plot" />
    </figure>
  );
}

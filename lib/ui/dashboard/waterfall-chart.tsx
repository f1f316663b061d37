"use client";

import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { durationUnitFor, formatDuration } from "./format-duration";
import { usePlot } from "./use-plot";

/**
 * Where the minutes went for the median request: each step of the timeline as a bar starting
 * where the previous one ended, and the total underneath. The steps are means over the
 * requests around the median, so they add up to their mean total (not exactly the median),
 * and no list of requests answers a mean: the bars do not drill down, the caption says so.
 */
export function WaterfallChart(props: { view: DashboardView }) {
  const { t, locale } = useI18n();
  const { waterfall } = props.view;
  const build = useCallback(
    (width: number) => {
      if (!waterfall || waterfall.steps.length === 0) return null;
      const unit = durationUnitFor(waterfall.totalMeanS);
      let cumulative = 0;
      const bars = waterfall.steps.map((step) => {
        const start = cumulative;
        cumulative += step.meanS;
        // Written as the segments are ("Images complètes → prise en charge").
        const label = `${t(`dashboard.milestone.${step.from}`)} → ${t(`dashboard.milestoneAfter.${step.to}`)}`;
        return {
          label,
          x1: start / unit.seconds,
          x2: cumulative / unit.seconds,
          text: formatDuration(step.meanS, locale),
          title: t("dashboard.charts.waterfallTitle", { step: label, duration: formatDuration(step.meanS, locale), cumulative: formatDuration(cumulative, locale) }),
        };
      });
      const totalLabel = t("dashboard.charts.waterfallTotal");
      const totalText = formatDuration(waterfall.totalMeanS, locale);
      const total = { label: totalLabel, x1: 0, x2: waterfall.totalMeanS / unit.seconds, text: totalText, title: totalLabel };
      return Plot.plot({
        width,
        height: 50 + 40 * (bars.length + 1),
        marginLeft: Math.min(280, Math.round(width * 0.4)),
        marginRight: 70,
        x: { grid: true, label: t(`dashboard.charts.units.${unit.unit}`) },
        y: { domain: [...bars.map((bar) => bar.label), totalLabel], label: null },
        marks: [
          Plot.barX(bars, { x1: "x1", x2: "x2", y: "label", fill: "#1d5fbf", title: "title" }),
          Plot.barX([total], { x1: "x1", x2: "x2", y: "label", fill: "#14315e", title: "title" }),
          Plot.text([...bars, total], { x: "x2", y: "label", text: "text", dx: 6, textAnchor: "start" }),
        ],
      });
    },
    [waterfall, t, locale],
  );
  const ref = usePlot(build);
  return (
    <figure className="dash-chart" data-testid="dash-chart-waterfall">
      <figcaption>{t("dashboard.charts.waterfall")}</figcaption>
      {waterfall ? (
        <>
          <p className="muted dash-note">
            {t("dashboard.charts.waterfallHint", {
              sample: waterfall.sample,
              median: formatDuration(waterfall.medianTotalS, locale),
              total: formatDuration(waterfall.totalMeanS, locale),
            })}
          </p>
          <p className="muted dash-note">{t("dashboard.charts.waterfallNoDrill")}</p>
        </>
      ) : (
        <p className="muted">{t("dashboard.charts.waterfallEmpty")}</p>
      )}
      <div ref={ref} className="dash-plot" />
    </figure>
  );
}

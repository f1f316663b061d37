"use client";

import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { DistributionBin } from "@/lib/domain/dashboard/dashboard-view";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { binRange } from "./drill-selection";
import { formatDuration } from "./format-duration";
import { bindMarkClicks } from "./plot-clicks";
import { usePlot } from "./use-plot";

const CLICKABLE = "dash-bins";
/** Past this many bars, every other tick label is left out so that they stay legible. */
const DENSE_BINS = 10;

/** The distribution of one segment's durations: one bar per bin, a click lists its requests. */
export function DistributionChart(props: { segment: Segment; bins: DistributionBin[]; focused: boolean; onBin: (segment: Segment, bin: DistributionBin) => void }) {
  const { t, locale } = useI18n();
  const { segment, bins, focused, onBin } = props;
  const build = useCallback(
    (width: number) => {
      if (bins.every((bin) => bin.count === 0)) return null;
      const rows = bins.map((bin, index) => ({ index, count: bin.count, title: t("dashboard.charts.binTitle", { range: binRange(t, bin, locale), count: bin.count }) }));
      const figure = Plot.plot({
        width,
        height: 180,
        marginBottom: 48,
        marginLeft: 40,
        x: {
          type: "band",
          domain: rows.map((row) => row.index),
          label: null,
          tickRotate: -40,
          tickFormat: (index: number) => (bins.length > DENSE_BINS && index % 2 === 1 ? "" : formatDuration(bins[index]?.fromS, locale)),
        },
        y: { grid: true, label: t("dashboard.charts.requests") },
        marks: [
          Plot.barY(rows, { x: "index", y: "count", fill: focused ? "#1d5fbf" : "#7d9cc9", title: "title", className: CLICKABLE }),
          Plot.ruleY([0]),
        ],
      });
      bindMarkClicks(
        figure,
        CLICKABLE,
        (index) => {
          const bin = bins[index];
          if (bin) onBin(segment, bin);
        },
        (index) => rows[index]?.title,
      );
      return figure;
    },
    [segment, bins, focused, onBin, t, locale],
  );
  const ref = usePlot(build);
  const empty = bins.every((bin) => bin.count === 0);
  return (
    <figure className="dash-chart dash-chart-small" data-testid={`dash-chart-distribution-${props.segment}`}>
      <figcaption>{t(`dashboard.segment.${props.segment}`)}</figcaption>
      {empty && <p className="muted">{t("dashboard.charts.noData")}</p>}
      <div ref={ref} className="dash-plot" />
    </figure>
  );
}

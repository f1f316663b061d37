"use client";

import { useMemo } from "react";
import type { DashboardView, TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { TrendPanel } from "./trend-panel";
import { trendSeries } from "./trend-series";

/**
 * The focused segment over the period, one small chart per priority with its own scale (a
 * routine median of hours would flatten a vital one of minutes under it), all on the same
 * time axis: the period, from its first day to its last.
 */
export function TrendChart(props: { view: DashboardView; onPoint: (point: TrendPoint) => void }) {
  const { t } = useI18n();
  const { period, trend, targets } = props.view;
  const series = useMemo(() => trendSeries({ period, trend, targets }), [period, trend, targets]);
  return (
    <figure className="dash-chart" data-testid="dash-chart-trend">
      <figcaption>{t("dashboard.charts.trend", { segment: t(`dashboard.segment.${trend.segment}`) })}</figcaption>
      {series.length === 0 ? <p className="muted">{t("dashboard.charts.noData")}</p> : <p className="muted dash-note">{t("dashboard.charts.trendLegend")}</p>}
      <div className="dash-trend-panels">
        {series.map((one) => (
          <TrendPanel key={one.priority} series={one} period={period} grain={trend.grain} onPoint={props.onPoint} />
        ))}
      </div>
    </figure>
  );
}

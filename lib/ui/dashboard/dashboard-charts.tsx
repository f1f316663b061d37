"use client";

import type { DashboardView, DistributionBin, HeatmapCell, TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { ArrivalsHeatmap } from "./arrivals-heatmap";
import { DistributionCharts } from "./distribution-charts";
import { TrendChart } from "./trend-chart";
import { WaterfallChart } from "./waterfall-chart";

export interface ChartDrills {
  onBin: (segment: Segment, bin: DistributionBin) => void;
  onPoint: (point: TrendPoint) => void;
  onCell: (cell: HeatmapCell) => void;
}

/** The charts section. The drill callbacks must be stable (useCallback): they redraw the charts. */
export function DashboardCharts(props: { view: DashboardView; drills: ChartDrills }) {
  const { t } = useI18n();
  const { view, drills } = props;
  return (
    <section aria-labelledby="dash-charts-title" className="dash-charts">
      <h2 id="dash-charts-title">{t("dashboard.charts.title")}</h2>
      <p className="muted dash-note">{t("dashboard.charts.clickHint")}</p>
      <DistributionCharts view={view} onBin={drills.onBin} />
      <div className="dash-chart-grid">
        <TrendChart view={view} onPoint={drills.onPoint} />
        <ArrivalsHeatmap view={view} onCell={drills.onCell} />
      </div>
      <WaterfallChart view={view} />
    </section>
  );
}

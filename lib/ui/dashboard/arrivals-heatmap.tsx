"use client";

import type { DashboardView, HeatmapCell } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { HeatmapGrid } from "./heatmap-grid";

/**
 * When requests arrive against who is there to read them: two grids of the same hours of the
 * week, the arrivals per hour (a click lists a cell's arrivals) and the radiologists on call,
 * each an average over the period with its own colour and number.
 */
export function ArrivalsHeatmap(props: { view: DashboardView; onCell: (cell: HeatmapCell) => void }) {
  const { t } = useI18n();
  const { cells } = props.view.heatmap;
  return (
    <figure className="dash-chart" data-testid="dash-chart-heatmap">
      <figcaption>{t("dashboard.charts.heatmap")}</figcaption>
      {cells.length === 0 ? (
        <p className="muted">{t("dashboard.charts.noData")}</p>
      ) : (
        <>
          <p className="muted dash-note">{t("dashboard.charts.heatmapLegend")}</p>
          <div className="dash-heatmaps">
            <HeatmapGrid kind="arrivals" cells={cells} onCell={props.onCell} />
            <HeatmapGrid kind="onCall" cells={cells} />
          </div>
        </>
      )}
    </figure>
  );
}

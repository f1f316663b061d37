"use client";

import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { DashboardView, HeatmapCell } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatDecimal, weekdayName } from "./dashboard-labels";
import { bindMarkClicks } from "./plot-clicks";
import { usePlot } from "./use-plot";

const CLICKABLE = "dash-heat-cells";
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
/** Above this share of the largest value, the "blues" scheme is dark enough for white text. */
const DARK_SHARE = 0.55;

/**
 * Arrivals by hour × weekday against on-call coverage: the colour says how many requests
 * arrive per hour, the number how many radiologists are on call then, and a red frame marks
 * the hours where requests arrive with nobody on call. A click lists that cell's arrivals.
 */
export function ArrivalsHeatmap(props: { view: DashboardView; onCell: (cell: HeatmapCell) => void }) {
  const { t, locale } = useI18n();
  const { cells } = props.view.heatmap;
  const { onCell } = props;
  const build = useCallback(
    (width: number) => {
      if (cells.length === 0) return null;
      const rows = cells.map((cell) => ({
        cell,
        hour: cell.hour,
        day: weekdayName(t, cell.weekday),
        arrivalsPerHour: cell.arrivalsPerHour,
        onCall: formatDecimal(cell.onCall, locale),
        title: t("dashboard.charts.heatmapTitle", {
          weekday: weekdayName(t, cell.weekday),
          hour: String(cell.hour).padStart(2, "0"),
          arrivals: cell.arrivals,
          perHour: formatDecimal(cell.arrivalsPerHour, locale),
          onCall: formatDecimal(cell.onCall, locale),
        }),
      }));
      const uncovered = rows.filter((row) => row.cell.arrivals > 0 && row.cell.onCall === 0);
      const darkFrom = Math.max(...rows.map((row) => row.arrivalsPerHour)) * DARK_SHARE;
      const dark = rows.filter((row) => row.arrivalsPerHour > 0 && row.arrivalsPerHour >= darkFrom);
      const light = rows.filter((row) => !dark.includes(row));
      const figure = Plot.plot({
        width,
        height: 300,
        marginLeft: 44,
        padding: 0.06,
        x: { type: "band", domain: HOURS, label: t("dashboard.charts.hourAxis"), tickFormat: (hour: number) => String(hour).padStart(2, "0") },
        y: { type: "band", domain: WEEKDAYS.map((weekday) => weekdayName(t, weekday)), label: null },
        color: { type: "linear", scheme: "blues", zero: true, legend: true, label: t("dashboard.charts.arrivalsPerHour") },
        marks: [
          Plot.cell(rows, { x: "hour", y: "day", fill: "arrivalsPerHour", title: "title", className: CLICKABLE }),
          Plot.cell(uncovered, { x: "hour", y: "day", fill: "none", stroke: "#c4161c", strokeWidth: 2, inset: 1, pointerEvents: "none" }),
          // Dark text on the light cells, white on the dark ones (a constant colour each, the
          // colour scale belongs to the arrivals).
          Plot.text(light, { x: "hour", y: "day", text: "onCall", fontSize: 10, fill: "#1c2430", pointerEvents: "none" }),
          Plot.text(dark, { x: "hour", y: "day", text: "onCall", fontSize: 10, fill: "white", pointerEvents: "none" }),
        ],
      });
      bindMarkClicks(figure, CLICKABLE, (index) => {
        const row = rows[index];
        if (row) onCell(row.cell);
      });
      return figure;
    },
    [cells, onCell, t, locale],
  );
  const ref = usePlot(build);
  return (
    <figure className="dash-chart" data-testid="dash-chart-heatmap">
      <figcaption>{t("dashboard.charts.heatmap")}</figcaption>
      {cells.length === 0 ? <p className="muted">{t("dashboard.charts.noData")}</p> : <p className="muted dash-note">{t("dashboard.charts.heatmapLegend")}</p>}
      <div ref={ref} className="dash-plot" />
    </figure>
  );
}

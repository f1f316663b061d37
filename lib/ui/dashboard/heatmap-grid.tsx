"use client";

import * as Plot from "@observablehq/plot";
import { useCallback } from "react";
import type { HeatmapCell } from "@/lib/domain/dashboard/dashboard-view";
import { hourRange, weekdayName } from "@/lib/domain/dashboard/group-name";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatDecimal, formatRate } from "./dashboard-labels";
import { bindMarkClicks } from "./plot-clicks";
import { usePlot } from "./use-plot";

const CLICKABLE = "dash-heat-cells";
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
/** Above this share of the largest value, the colour schemes are dark enough for white text. */
const DARK_SHARE = 0.55;
/** Red, as the vital priority: the hours where requests arrive with nobody to read them. */
const UNCOVERED = "#c4161c";

/** What a grid shows: the arrivals (a click lists them) or the radiologists on call. */
export type HeatmapKind = "arrivals" | "onCall";

const valueOf = (kind: HeatmapKind, cell: HeatmapCell) => (kind === "arrivals" ? cell.arrivalsPerHour : cell.onCall);

/**
 * One hour × weekday grid: the colour and the number say the same average. Zero arrivals
 * stay blank (most of the week); zero radiologists on call are written, they are the news.
 * Both grids frame in red the hours with arrivals and nobody on call.
 */
export function HeatmapGrid(props: { kind: HeatmapKind; cells: HeatmapCell[]; onCell?: (cell: HeatmapCell) => void }) {
  const { t, locale } = useI18n();
  const { kind, cells, onCell } = props;
  const build = useCallback(
    (width: number) => {
      if (cells.length === 0) return null;
      const rows = cells.map((cell) => {
        const value = valueOf(kind, cell);
        const params = {
          weekday: weekdayName(t, cell.weekday),
          hour: hourRange(t, cell.hour),
          arrivals: cell.arrivals,
          perHour: formatRate(cell.arrivalsPerHour, locale),
          onCall: formatRate(cell.onCall, locale),
        };
        return {
          cell,
          hour: cell.hour,
          day: weekdayName(t, cell.weekday),
          value,
          text: kind === "arrivals" && value === 0 ? "" : formatRate(value, locale),
          title: t(kind === "arrivals" ? "dashboard.charts.heatmapTitle" : "dashboard.charts.heatmapOnCallTitle", params),
        };
      });
      const uncovered = rows.filter((row) => row.cell.arrivals > 0 && row.cell.onCall === 0);
      const darkFrom = Math.max(...rows.map((row) => row.value)) * DARK_SHARE;
      const dark = rows.filter((row) => row.value > 0 && row.value >= darkFrom);
      const light = rows.filter((row) => !dark.includes(row));
      const figure = Plot.plot({
        width,
        height: 210,
        marginTop: 6,
        marginLeft: 44,
        padding: 0.06,
        x: { type: "band", domain: HOURS, label: t("dashboard.charts.hourAxis"), tickFormat: (hour: number) => String(hour).padStart(2, "0") },
        y: { type: "band", domain: WEEKDAYS.map((weekday) => weekdayName(t, weekday)), label: null },
        color: { type: "linear", scheme: kind === "arrivals" ? "blues" : "greens", zero: true },
        marks: [
          Plot.cell(rows, { x: "hour", y: "day", fill: "value", title: "title", className: onCell ? CLICKABLE : undefined }),
          Plot.cell(uncovered, { x: "hour", y: "day", fill: "none", stroke: UNCOVERED, strokeWidth: 2, inset: 1, pointerEvents: "none" }),
          // Dark text on the light cells, white on the dark ones.
          Plot.text(light, { x: "hour", y: "day", text: "text", fontSize: 9, fill: "#1c2430", pointerEvents: "none" }),
          Plot.text(dark, { x: "hour", y: "day", text: "text", fontSize: 9, fill: "white", pointerEvents: "none" }),
        ],
      });
      if (onCell) {
        bindMarkClicks(
          figure,
          CLICKABLE,
          (index) => {
            const row = rows[index];
            if (row) onCell(row.cell);
          },
          (index) => rows[index]?.title,
        );
      }
      // The colour legend, drawn apart so that its first tick is not cut and its numbers
      // read in the reader's language.
      const legend = figure.legend("color", {
        label: t(kind === "arrivals" ? "dashboard.charts.arrivalsPerHour" : "dashboard.charts.onCall"),
        marginLeft: 12,
        marginRight: 12,
        width: 280,
        tickFormat: (value: number) => formatDecimal(value, locale),
      });
      const wrapper = document.createElement("div");
      if (legend) wrapper.append(legend);
      wrapper.append(figure);
      return wrapper;
    },
    [kind, cells, onCell, t, locale],
  );
  const ref = usePlot(build);
  return (
    <div className="dash-heatmap" data-kind={kind}>
      <h4 className="dash-heatmap-title">{t(kind === "arrivals" ? "dashboard.charts.heatmapArrivals" : "dashboard.charts.heatmapOnCall")}</h4>
      <div ref={ref} className="dash-plot" />
    </div>
  );
}

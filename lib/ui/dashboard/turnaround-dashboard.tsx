"use client";

import { useCallback, useMemo, useState } from "react";
import type { DashboardFilter } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DistributionBin, HeatmapCell, TrendPoint } from "@/lib/domain/dashboard/dashboard-view";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage, serverFieldErrors } from "@/lib/trpc/error-message";
import { LocalDateTime } from "../local-date-time";
import { ActivityReportForm } from "./activity-report-form";
import { BreakdownSection } from "./breakdown-section";
import { DashboardCharts, type ChartDrills } from "./dashboard-charts";
import { DashboardFilters } from "./dashboard-filters";
import { DashboardTotals } from "./dashboard-totals";
import { DrillDownPanel } from "./drill-down-panel";
import { binDrill, cellDrill, totalDrill, trendDrill, type DrillSelection } from "./drill-selection";
import { SummaryTable } from "./summary-table";
import { useDashboardQuery } from "./use-dashboard-query";
import { useDashboardUrlState } from "./use-dashboard-url-state";

/** A refused filter says which rule it broke (catalogue keys from the schema), else the error's message. */
function viewError(error: unknown, t: Translate): string {
  const first = Object.values(serverFieldErrors(error))[0];
  return first ? t(first as MessageKey) : errorMessage(error, t);
}

/**
 * The department head's turnaround dashboard. The view (filter, breakdown, focused segment)
 * lives in the URL; a click on any figure opens the requests behind it. `data-state` says
 * whether the figures on screen answer the current filter ("ready"), so tests wait on it.
 * While a new filter loads, the figures still on screen drill down with their own filter.
 */
export function TurnaroundDashboard(props: { today: string }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useDashboardUrlState(props.today);
  const { view, options, ready, shownQuery } = useDashboardQuery(query);
  const { filter } = query;
  const shownFilter = shownQuery.filter;
  // A drill-down belongs to the filter it was opened from: a new filter (applied, or reached
  // with the browser's back button) closes it.
  const filterKey = JSON.stringify(filter);
  const [opened, setOpened] = useState<{ selection: DrillSelection; filterKey: string } | null>(null);
  const drill = opened?.filterKey === filterKey ? opened.selection : null;
  const setDrill = useCallback((selection: DrillSelection | null) => setOpened(selection && { selection, filterKey }), [filterKey]);
  const data = view.data;

  const applyFilter = useCallback(
    (next: DashboardFilter) => setQuery({ ...query, filter: next }, "push"),
    [query, setQuery],
  );
  const drills = useMemo<ChartDrills>(
    () => ({
      onBin: (segment: Segment, bin: DistributionBin) => setDrill(binDrill(t, locale, shownFilter, segment, bin)),
      onCell: (cell: HeatmapCell) => setDrill(cellDrill(t, shownFilter, cell)),
      onPoint: (point: TrendPoint) => {
        if (data) setDrill(trendDrill(t, locale, shownFilter, data.trend.segment, data.trend.grain, point));
      },
    }),
    [t, locale, shownFilter, data, setDrill],
  );

  return (
    <div className="dashboard" data-testid="dashboard" data-state={view.isError ? "error" : ready ? "ready" : "loading"} aria-busy={!ready}>
      <DashboardFilters key={filterKey} value={filter} today={props.today} options={options.data} onApply={applyFilter} />
      {view.error && (
        <p className="form-error" role="alert">
          {viewError(view.error, t)}
        </p>
      )}
      {data ? (
        <div className={ready ? "dash-figures" : "dash-figures dash-stale"}>
          <p className="muted dash-note">
            {t("dashboard.computedAt")}{" "}
            <LocalDateTime date={new Date(data.computedAt)} />
          </p>
          <DashboardTotals totals={data.totals} onDrillSubmitted={() => setDrill(totalDrill(t, shownFilter))} />
          <SummaryTable view={data} query={shownQuery} onDrill={setDrill} />
          <BreakdownSection
            view={data}
            query={query}
            shownQuery={shownQuery}
            showRadiologists={(options.data?.radiologists.length ?? 0) > 0}
            onQuery={setQuery}
            onDrill={setDrill}
          />
          <DashboardCharts view={data} drills={drills} />
        </div>
      ) : (
        !view.error && <p className="muted">{t("app.loading")}</p>
      )}
      {drill && <DrillDownPanel key={JSON.stringify(drill.input)} selection={drill} onClose={() => setDrill(null)} />}
      {/* The form brings its own heading; the section only names the region. */}
      <section aria-label={t("dashboard.report.title")} data-testid="dash-report">
        <ActivityReportForm />
      </section>
    </div>
  );
}

"use client";

import type { BreakdownDimension, DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { BreakdownControls } from "./breakdown-controls";
import { BreakdownTable } from "./breakdown-table";
import type { DrillSelection } from "./drill-selection";

/** `query` is the one asked (the controls show it), `shownQuery` the one the figures answer. */
export function BreakdownSection(props: {
  view: DashboardView;
  query: DashboardQuery;
  shownQuery: DashboardQuery;
  showRadiologists: boolean;
  onQuery: (next: DashboardQuery) => void;
  onDrill: (selection: DrillSelection) => void;
}) {
  const { t } = useI18n();
  const { query, onQuery } = props;
  return (
    <section aria-labelledby="dash-breakdown-title">
      <h2 id="dash-breakdown-title">{t("dashboard.breakdown.title")}</h2>
      <BreakdownControls
        dimension={query.breakdown}
        segment={query.segment}
        showRadiologists={props.showRadiologists}
        onDimension={(breakdown: BreakdownDimension) => onQuery({ ...query, breakdown })}
        onSegment={(segment: Segment) => onQuery({ ...query, segment })}
      />
      <BreakdownTable view={props.view} query={props.shownQuery} onDrill={props.onDrill} />
    </section>
  );
}

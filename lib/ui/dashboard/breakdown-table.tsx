"use client";

import type { DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import type { BreakdownGroup, DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatShare, groupName } from "./dashboard-labels";
import { groupDrill, type DrillSelection } from "./drill-selection";
import { ExportLink } from "./export-link";
import { formatDuration } from "./format-duration";

/** One row per group of the chosen dimension: its volume, and the focused segment's figures. */
export function BreakdownTable(props: { view: DashboardView; query: DashboardQuery; onDrill: (selection: DrillSelection) => void }) {
  const { t, locale } = useI18n();
  const { view, query } = props;
  const { dimension, groups } = view.breakdown;
  const segment = view.trend.segment;
  const drill = (group: BreakdownGroup, focused: boolean) => props.onDrill(groupDrill(t, query.filter, dimension, group, focused ? segment : null));

  const row = (group: BreakdownGroup) => {
    const figures = group.figures.find((candidate) => candidate.segment === segment);
    const name = groupName(t, dimension, group);
    return (
      <tr key={group.key} data-testid="dash-breakdown-row" data-key={group.key}>
        <th scope="row">
          <button type="button" className="dash-figure dash-group" onClick={() => drill(group, true)}>
            {name}
          </button>
        </th>
        <td className="num">
          <button type="button" className="dash-figure" data-testid="dash-breakdown-submitted" onClick={() => drill(group, false)}>
            {group.submitted.toLocaleString(locale)}
          </button>
        </td>
        <td className="num">
          <button type="button" className="dash-figure" data-testid="dash-breakdown-count" onClick={() => drill(group, true)}>
            {(figures?.count ?? 0).toLocaleString(locale)}
          </button>
        </td>
        <td className="num" data-testid="dash-breakdown-median">
          {formatDuration(figures?.median, locale)}
        </td>
        <td className="num" data-testid="dash-breakdown-p90">
          {formatDuration(figures?.p90, locale)}
        </td>
        <td className="num" data-testid="dash-breakdown-share">
          {formatShare(figures?.share ?? null, locale)}
        </td>
      </tr>
    );
  };

  return (
    <>
      <table className="worklist dash-table" data-testid="dash-breakdown" data-dimension={dimension}>
        <caption className="dash-caption">
          {t(`dashboard.breakdown.dimensions.${dimension}`)} · {t(`dashboard.segment.${segment}`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(`dashboard.breakdown.dimensions.${dimension}`)}</th>
            <th scope="col">{t("dashboard.breakdown.submitted")}</th>
            <th scope="col">{t("dashboard.breakdown.count")}</th>
            <th scope="col">{t("dashboard.breakdown.median")}</th>
            <th scope="col">{t("dashboard.breakdown.p90")}</th>
            <th scope="col">{t("dashboard.breakdown.share")}</th>
          </tr>
        </thead>
        <tbody>{groups.map(row)}</tbody>
      </table>
      {groups.length === 0 && <p className="muted">{t("dashboard.breakdown.empty")}</p>}
      <p>
        <ExportLink table="dashboard-breakdown" input={query} />
      </p>
    </>
  );
}

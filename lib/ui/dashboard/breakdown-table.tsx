"use client";

import type { DashboardQuery } from "@/lib/domain/dashboard/dashboard-schemas";
import type { BreakdownGroup, DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatShare, groupName } from "./dashboard-labels";
import { groupDrill, type DrillSelection, type FigureBasis } from "./drill-selection";
import { ExportLink } from "./export-link";
import { formatDuration } from "./format-duration";

/** One row per group of the chosen dimension: its volume, and the focused segment's figures. */
export function BreakdownTable(props: { view: DashboardView; query: DashboardQuery; onDrill: (selection: DrillSelection) => void }) {
  const { t, locale } = useI18n();
  const { view, query } = props;
  const { dimension, groups } = view.breakdown;
  const segment = view.trend.segment;
  const drill = (group: BreakdownGroup, focused: boolean, outcome?: "within" | FigureBasis) =>
    props.onDrill(groupDrill(t, query.filter, dimension, group, focused ? segment : null, outcome));

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
        {(["median", "p90"] as const).map((figure) => {
          const seconds = figures?.[figure] ?? null;
          const value = formatDuration(seconds, locale);
          return (
            <td key={figure} className="num">
              <button
                type="button"
                className="dash-figure"
                data-testid={`dash-breakdown-${figure}`}
                disabled={seconds === null}
                onClick={() => drill(group, true, { figure, value })}
              >
                {value}
              </button>
            </td>
          );
        })}
        <td className="num">
          {/* The share opens the group's requests within the target (its numerator). */}
          <button
            type="button"
            className="dash-figure"
            data-testid="dash-breakdown-share"
            disabled={(figures?.share ?? null) === null}
            onClick={() => drill(group, true, "within")}
          >
            {formatShare(figures?.share ?? null, locale)}
          </button>
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

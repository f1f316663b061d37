"use client";

import type { DashboardFilter, DashboardQuery, DrillOutcome } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DashboardView, SegmentFigures } from "@/lib/domain/dashboard/dashboard-view";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatShare } from "./dashboard-labels";
import { summaryDrill, type DrillSelection, type FigureBasis } from "./drill-selection";
import { ExportLink } from "./export-link";
import { formatDuration } from "./format-duration";

/** The target is a single figure only when a single priority is chosen. */
function targetOf(view: DashboardView, filter: DashboardFilter, segment: Segment): number | null {
  if (filter.priorities.length !== 1) return null;
  return view.targets.find((target) => target.segment === segment && target.priority === filter.priorities[0])?.targetS ?? null;
}

function FigureButton(props: { label: string; testId?: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="dash-figure" data-testid={props.testId} onClick={props.onClick} disabled={props.disabled}>
      {props.label}
    </button>
  );
}

export function SummaryTable(props: { view: DashboardView; query: DashboardQuery; onDrill: (selection: DrillSelection) => void }) {
  const { t, locale } = useI18n();
  const { view, query } = props;
  const showTarget = query.filter.priorities.length === 1;
  const drill = (segment: Segment, outcome: DrillOutcome | FigureBasis) => props.onDrill(summaryDrill(t, query.filter, segment, outcome));
  const row = (figures: SegmentFigures) => {
    const id = `dash-summary-${figures.segment}`;
    const missed = figures.judged - figures.within;
    return (
      <tr key={figures.segment} data-testid="dash-summary-row" data-segment={figures.segment} aria-current={figures.segment === query.segment || undefined}>
        <th scope="row">{t(`dashboard.segment.${figures.segment}`)}</th>
        <td className="num">
          <FigureButton label={figures.count.toLocaleString(locale)} testId={`${id}-count`} onClick={() => drill(figures.segment, "completed")} />
        </td>
        <td className="num">
          <FigureButton label={figures.open.toLocaleString(locale)} testId={`${id}-open`} onClick={() => drill(figures.segment, "open")} />
        </td>
        {(["median", "p90"] as const).map((figure) => {
          // A median or a p90 is computed from the completed requests: it opens them.
          const value = formatDuration(figures[figure], locale);
          return (
            <td key={figure} className="num">
              <FigureButton label={value} testId={`${id}-${figure}`} disabled={figures[figure] === null} onClick={() => drill(figures.segment, { figure, value })} />
            </td>
          );
        })}
        <td className="num">
          <span className="dash-share" data-testid={`${id}-share`}>
            {formatShare(figures.share, locale)}
          </span>
          <span className="dash-share-split">
            <FigureButton label={t("dashboard.summary.within", { count: figures.within })} testId={`${id}-within`} onClick={() => drill(figures.segment, "within")} />
            <FigureButton label={t("dashboard.summary.missed", { count: missed })} testId={`${id}-missed`} onClick={() => drill(figures.segment, "missed")} />
          </span>
        </td>
        {showTarget && (
          <td className="num" data-testid={`${id}-target`}>
            {formatDuration(targetOf(view, query.filter, figures.segment), locale)}
          </td>
        )}
      </tr>
    );
  };
  return (
    <section aria-labelledby="dash-summary-title" data-testid="dash-summary">
      <div className="dash-section-head">
        <h2 id="dash-summary-title">{t("dashboard.summary.title")}</h2>
        <ExportLink table="dashboard-summary" input={query} />
      </div>
      <table className="worklist dash-table">
        <thead>
          <tr>
            <th scope="col">{t("dashboard.summary.segment")}</th>
            <th scope="col">{t("dashboard.summary.count")}</th>
            <th scope="col">{t("dashboard.summary.open")}</th>
            <th scope="col">{t("dashboard.summary.median")}</th>
            <th scope="col">{t("dashboard.summary.p90")}</th>
            <th scope="col">{t("dashboard.summary.share")}</th>
            {showTarget && <th scope="col">{t("dashboard.summary.target")}</th>}
          </tr>
        </thead>
        <tbody>{view.summary.map(row)}</tbody>
      </table>
      {!showTarget && <p className="muted dash-note">{t("dashboard.summary.targetHint")}</p>}
    </section>
  );
}

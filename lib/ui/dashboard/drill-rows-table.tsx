"use client";

import Link from "next/link";
import type { DrillRow } from "@/lib/domain/dashboard/dashboard-view";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { formatDuration } from "./format-duration";
import { LocalMinute } from "./local-minute";

/**
 * The requests behind a figure, each linking to its request page. The priority is a badge,
 * not a row tint: tinted rows would fight with the within/missed colours of the target.
 */
export function DrillRowsTable(props: { rows: DrillRow[] }) {
  const { t, locale } = useI18n();
  const verdict = (row: DrillRow) => {
    if (row.within === null) return null;
    return <span className={row.within ? "dash-within" : "dash-missed"}>{t(row.within ? "dashboard.drill.within" : "dashboard.drill.missed")}</span>;
  };
  return (
    <table className="worklist dash-table">
      <thead>
        <tr>
          <th scope="col">{t("dashboard.drill.columns.accession")}</th>
          <th scope="col">{t("dashboard.drill.columns.priority")}</th>
          <th scope="col">{t("dashboard.drill.columns.site")}</th>
          <th scope="col">{t("dashboard.drill.columns.modality")}</th>
          <th scope="col">{t("dashboard.drill.columns.submittedAt")}</th>
          <th scope="col" className="num">
            {t("dashboard.drill.columns.duration")}
          </th>
          <th scope="col" className="num">
            {t("dashboard.drill.columns.target")}
          </th>
          <th scope="col">{t("dashboard.drill.columns.status")}</th>
          <th scope="col">{t("dashboard.drill.columns.radiologist")}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.requestId} data-testid="dash-drill-row" data-accession={row.accessionNumber} data-priority={row.priority}>
            <th scope="row">
              <Link href={`/requests/${row.requestId}`}>{row.accessionNumber}</Link>
              <div className="muted dash-note">{t(`requestType.${row.type}`)}</div>
            </th>
            <td>
              <span className={`badge dash-priority priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>
            </td>
            <td>{row.siteCode}</td>
            <td>{row.modality}</td>
            <td className="dash-nowrap">
              <LocalMinute date={new Date(row.submittedAt)} />
            </td>
            <td className="num">
              {row.open ? t("dashboard.drill.openDuration", { duration: formatDuration(row.durationS, locale) }) : formatDuration(row.durationS, locale)}
            </td>
            <td className="num">
              {formatDuration(row.targetS, locale)} {verdict(row)}
            </td>
            <td>{t(`status.${row.status}`)}</td>
            <td>{row.radiologistName ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

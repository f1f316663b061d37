"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";

export type DashboardExportTable = "dashboard-summary" | "dashboard-breakdown" | "dashboard-drilldown";

/** GET /api/exports/<table>?input=<json>: the same input as the table on screen, as CSV. */
export function exportHref(table: DashboardExportTable, input: unknown): string {
  return `/api/exports/${table}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

export function ExportLink(props: { table: DashboardExportTable; input: unknown }) {
  const { t } = useI18n();
  // A plain link: the browser downloads the file, the server checks the role and audits.
  return (
    <a className="button secondary dash-export" href={exportHref(props.table, props.input)} download data-testid={`dash-export-${props.table}`}>
      {t("dashboard.exportCsv")}
    </a>
  );
}

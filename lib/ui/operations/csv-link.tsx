"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";

export type BoardExportTable = "operations-open" | "operations-at-risk" | "operations-on-call" | "operations-escalations";

/** GET /api/exports/<table>: a plain download; the server checks the role and audits the export. */
export function CsvLink({ table }: { table: BoardExportTable }) {
  const { t } = useI18n();
  return (
    <a className="button secondary" href={`/api/exports/${table}?input=${encodeURIComponent(JSON.stringify({}))}`} download data-testid={`ops-csv-${table}`}>
      {t("operations.exportCsv")}
    </a>
  );
}

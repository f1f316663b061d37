"use client";

import { Fragment } from "react";
import { AGE_BUCKETS } from "@/lib/domain/operations/age-buckets";
import type { Backlog } from "@/lib/domain/operations/board-view";
import { PRIORITIES } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { CsvLink } from "./csv-link";

/** Open requests by state (rows) and age since submission (columns), with the totals per priority. */
export function BacklogMatrix({ backlog }: { backlog: Backlog }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="ops-backlog-title">
      <h2 id="ops-backlog-title">{t("operations.backlog.title")}</h2>
      <p className="muted">
        {t("operations.backlog.hint")} <CsvLink table="operations-open" />
      </p>
      <table className="worklist ops-table" data-testid="ops-backlog">
        <thead>
          <tr>
            <th>{t("operations.backlog.status")}</th>
            {AGE_BUCKETS.map((bucket) => (
              <th key={bucket} className="num">
                {t(`operations.age.${bucket}`)}
              </th>
            ))}
            <th className="num">{t("operations.backlog.total")}</th>
          </tr>
        </thead>
        <tbody>
          {backlog.rows.map((row) => (
            <tr key={row.status} data-status={row.status}>
              <td>{t(`status.${row.status}`)}</td>
              {AGE_BUCKETS.map((bucket) => (
                <td key={bucket} data-age={bucket} className={row.byAge[bucket] === 0 ? "num muted" : "num"}>
                  {row.byAge[bucket]}
                </td>
              ))}
              <td data-age="total" className="num">
                <strong>{row.total}</strong>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-status="total">
            <th>{t("operations.backlog.total")}</th>
            {AGE_BUCKETS.map((bucket) => (
              <th key={bucket} data-age={bucket} className="num">
                {backlog.byAge[bucket]}
              </th>
            ))}
            <th data-age="total" className="num">
              {backlog.total}
            </th>
          </tr>
        </tfoot>
      </table>
      <p>
        {t("operations.backlog.byPriority")}
        {PRIORITIES.map((priority) => (
          <Fragment key={priority}>
            {" "}
            <span className={`badge priority-${priority}`} data-testid={`ops-priority-${priority}`} data-count={backlog.byPriority[priority]}>
              {t(`priority.${priority}`)} {backlog.byPriority[priority]}
            </span>
          </Fragment>
        ))}
      </p>
    </section>
  );
}

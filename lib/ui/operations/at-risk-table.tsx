"use client";

import Link from "next/link";
import type { AtRiskRequest, ListPage } from "@/lib/domain/operations/board-view";
import { formatWaitingTime } from "@/lib/domain/waiting-time";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { CsvLink } from "./csv-link";

/** Requests about to miss (or past) their target, the latest first; the time left ticks with `now`. */
export function AtRiskTable({ atRisk, now }: { atRisk: ListPage<AtRiskRequest>; now: number }) {
  const { t, locale } = useI18n();
  const dayUnit = locale === "fr" ? "j" : "d";
  return (
    <section aria-labelledby="ops-at-risk-title">
      <h2 id="ops-at-risk-title">{t("operations.atRisk.title")}</h2>
      <p className="muted">
        {t("operations.atRisk.hint")} <CsvLink table="operations-at-risk" />
      </p>
      {atRisk.rows.length === 0 ? (
        <p className="panel muted">{t("operations.atRisk.empty")}</p>
      ) : (
        <table className="worklist ops-table" data-testid="ops-at-risk">
          <thead>
            <tr>
              <th>{t("operations.atRisk.priority")}</th>
              <th className="num">{t("operations.atRisk.remaining")}</th>
              <th>{t("operations.atRisk.accession")}</th>
              <th>{t("operations.atRisk.site")}</th>
              <th>{t("operations.atRisk.type")}</th>
              <th>{t("operations.atRisk.modality")}</th>
              <th>{t("operations.atRisk.status")}</th>
              <th>{t("operations.atRisk.holder")}</th>
              <th>{t("operations.atRisk.escalation")}</th>
            </tr>
          </thead>
          <tbody>
            {atRisk.rows.map((row) => {
              const remainingMs = row.deadline.getTime() - now;
              const late = remainingMs < 0;
              return (
                <tr key={row.id} className={`priority-${row.priority}`} data-request-id={row.id} data-priority={row.priority} data-late={late}>
                  <td>
                    <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>
                  </td>
                  <td data-testid="remaining" className="num">
                    {late ? <span className="badge warning">{t("operations.atRisk.lateBy", { time: formatWaitingTime(-remainingMs, dayUnit) })}</span> : formatWaitingTime(remainingMs, dayUnit)}
                  </td>
                  <td>
                    <Link href={`/requests/${row.id}`}>{row.accessionNumber}</Link>
                  </td>
                  <td>{row.siteCode}</td>
                  <td>{t(`requestType.${row.type}`)}</td>
                  <td>{row.modality}</td>
                  <td>{t(`status.${row.status}`)}</td>
                  <td>{row.holder ? row.holder.name : <span className="muted">{t("worklist.unassigned")}</span>}</td>
                  <td>{row.escalationLevel > 0 && <span className="badge warning">{row.escalationLevel}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {atRisk.total > atRisk.rows.length && <p className="muted">{t("operations.shown", { shown: atRisk.rows.length, total: atRisk.total })}</p>}
    </section>
  );
}

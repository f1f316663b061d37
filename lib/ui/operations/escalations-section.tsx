"use client";

import Link from "next/link";
import type { EscalatedFinding, EscalatedRequest, ListPage } from "@/lib/domain/operations/board-view";
import { formatWaitingTime } from "@/lib/domain/waiting-time";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalMinute } from "../dashboard/local-minute";
import { CsvLink } from "./csv-link";

/** Escalated requests still open, and critical findings escalated and still not acknowledged. */
export function EscalationsSection(props: { requests: ListPage<EscalatedRequest>; findings: ListPage<EscalatedFinding>; now: number }) {
  const { t, locale } = useI18n();
  const since = (at: Date) => formatWaitingTime(props.now - at.getTime(), locale === "fr" ? "j" : "d");
  return (
    <section aria-labelledby="ops-escalations-title">
      <h2 id="ops-escalations-title">{t("operations.escalations.title")}</h2>
      <p>
        <CsvLink table="operations-escalations" />
      </p>
      <h3>{t("operations.escalations.requestsTitle")}</h3>
      {props.requests.rows.length === 0 ? (
        <p className="panel muted">{t("operations.escalations.requestsEmpty")}</p>
      ) : (
        <table className="worklist ops-table" data-testid="ops-escalations">
          <thead>
            <tr>
              <th>{t("operations.escalations.level")}</th>
              <th className="num">{t("operations.escalations.escalatedFor")}</th>
              <th>{t("operations.atRisk.priority")}</th>
              <th>{t("operations.atRisk.accession")}</th>
              <th>{t("operations.atRisk.site")}</th>
              <th>{t("operations.atRisk.status")}</th>
              <th>{t("operations.escalations.holder")}</th>
            </tr>
          </thead>
          <tbody>
            {props.requests.rows.map((row) => (
              <tr key={row.id} className={`priority-${row.priority}`} data-request-id={row.id} data-level={row.escalationLevel}>
                <td>
                  <span className="badge warning">{row.escalationLevel}</span>
                </td>
                <td data-testid="escalated-for" className="num">{row.escalatedAt && since(row.escalatedAt)}</td>
                <td>
                  <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>
                </td>
                <td>
                  <Link href={`/requests/${row.id}`}>{row.accessionNumber}</Link>
                </td>
                <td>{row.siteCode}</td>
                <td>{t(`status.${row.status}`)}</td>
                <td data-testid="holder">
                  {row.holder ? (
                    <>
                      {row.holder.name}
                      {!row.holderAcknowledged && <span className="muted"> ({t("operations.escalations.unacknowledged")})</span>}
                    </>
                  ) : (
                    <span className="muted">{t("operations.escalations.nobody")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.requests.total > props.requests.rows.length && <p className="muted">{t("operations.shown", { shown: props.requests.rows.length, total: props.requests.total })}</p>}

      <h3>{t("operations.escalations.findingsTitle")}</h3>
      {props.findings.rows.length === 0 ? (
        <p className="panel muted">{t("operations.escalations.findingsEmpty")}</p>
      ) : (
        <table className="worklist ops-table" data-testid="ops-escalated-findings">
          <thead>
            <tr>
              <th className="num">{t("operations.escalations.escalatedFor")}</th>
              <th>{t("operations.escalations.category")}</th>
              <th>{t("operations.atRisk.accession")}</th>
              <th>{t("operations.atRisk.site")}</th>
              <th>{t("operations.escalations.flaggedBy")}</th>
              <th>{t("operations.escalations.flaggedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {props.findings.rows.map((row) => (
              <tr key={row.id} className={`priority-${row.priority}`} data-finding-id={row.id} data-request-id={row.requestId}>
                <td data-testid="escalated-for" className="num">{since(row.escalatedAt)}</td>
                <td>{t(`critical.categories.${row.category}`)}</td>
                <td>
                  <Link href={`/requests/${row.requestId}`}>{row.accessionNumber}</Link>
                </td>
                <td>{row.siteCode}</td>
                <td>{row.flaggedBy}</td>
                <td>
                  <LocalMinute date={row.flaggedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.findings.total > props.findings.rows.length && <p className="muted">{t("operations.shown", { shown: props.findings.rows.length, total: props.findings.total })}</p>}
    </section>
  );
}

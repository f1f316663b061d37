"use client";

import Link from "next/link";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MyRequestRow } from "@/lib/server/services/portal/list-my-requests";
import { LocalDateTime } from "../local-date-time";
import { WorklistRowMarks } from "../worklist/worklist-row-marks";

const TO_READ_STYLE = { background: "#eef4ff", boxShadow: "inset 6px 0 0 var(--accent)" } as const;
const TO_READ_BADGE_STYLE = { background: "var(--accent)", color: "white", borderColor: "var(--accent)" } as const;

/** One line per request: where it stands, and what awaits the requester (a report, a finding). */
export function MyRequestsTable(props: { rows: MyRequestRow[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      {/* On a phone each request reads as a card (app/small-screens.css). */}
      <table className="worklist stack-on-phone">
        <thead>
          <tr>
            <th>{t("portal.columns.priority")}</th>
            <th>{t("portal.columns.submittedAt")}</th>
            <th>{t("portal.columns.patient")}</th>
            <th>{t("portal.columns.exam")}</th>
            <th>{t("portal.columns.site")}</th>
            <th>{t("portal.columns.status")}</th>
            <th>{t("portal.columns.report")}</th>
            <th>{t("portal.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr
              key={row.id}
              data-testid="my-request-row"
              data-request-id={row.id}
              data-status={row.status}
              data-to-read={row.hasUnacknowledgedReport}
              data-critical-open={row.criticalOpen}
              className={row.criticalOpen > 0 ? "critical-open" : undefined}
              style={row.hasUnacknowledgedReport && row.criticalOpen === 0 ? TO_READ_STYLE : undefined}
            >
              <td>
                <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>
                {/* First on the row: a critical finding waits for this physician's acknowledgement. */}
                <WorklistRowMarks criticalOpen={row.criticalOpen} />
              </td>
              <td>
                <LocalDateTime date={row.submittedAt} />
              </td>
              <td>
                {row.patient.familyName.toUpperCase()} {row.patient.givenName}
              </td>
              <td>
                {row.modality} · {row.bodyRegion}
                <div className="muted" style={{ fontSize: "0.8rem" }}>
                  {t(`requestType.${row.type}`)}
                </div>
              </td>
              <td title={row.site.name}>{row.site.code}</td>
              <td data-testid="my-request-status">
                {t(`status.${row.status}`)}
                {row.holder && !row.signedAt && (
                  <div className="muted" style={{ fontSize: "0.8rem" }}>
                    {t("portal.holder", { name: row.holder.name })}
                  </div>
                )}
              </td>
              <td>
                <ReportCell row={row} />
              </td>
              <td>
                <Link href={`/requests/${row.id}`}>{t("portal.open")}</Link>
                {row.signedAt && (
                  <div>
                    <Link href={`/requests/${row.id}/viewer`} data-testid="my-request-images">
                      {t("portal.viewImages")}
                    </Link>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportCell({ row }: { row: MyRequestRow }) {
  const { t } = useI18n();
  return (
    <>
      {row.signedAt ? (
        <div data-testid="my-request-signed">
          {t("portal.signedOn")} <LocalDateTime date={row.signedAt} />
          {row.addendumCount > 0 && <span className="muted"> {t("portal.addenda", { count: row.addendumCount })}</span>}
        </div>
      ) : (
        <span className="muted">{t("portal.notSigned")}</span>
      )}
      {row.hasUnacknowledgedReport ? (
        <div>
          <span className="badge" style={TO_READ_BADGE_STYLE} data-testid="my-request-to-read">
            {t("portal.toRead")}
          </span>
          {row.latestDelivery?.firstOpenedAt && (
            <div className="muted" style={{ fontSize: "0.8rem" }}>
              {t("portal.opened")}
            </div>
          )}
        </div>
      ) : (
        row.latestDelivery?.acknowledgedAt && <div className="notice">{t("portal.acknowledged")}</div>
      )}
    </>
  );
}

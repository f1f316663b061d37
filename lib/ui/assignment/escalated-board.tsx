"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage, failureHidesContent } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";

/** The department head's board: escalated requests nobody has taken yet, highest level first. */
export function EscalatedBoard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.assignment.escalated.queryOptions({}));
  if (failureHidesContent(query)) return <p className="form-error">{errorMessage(query.error, t)}</p>;
  const rows = query.data;
  if (!rows) return <p className="muted">{t("app.loading")}</p>;

  return (
    <section className="panel" data-testid="escalated-board">
      <h2>{t("assignment.board.title")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("assignment.board.empty")}</p>
      ) : (
        <table className="worklist">
          <thead>
            <tr>
              <th>{t("assignment.board.level")}</th>
              <th>{t("worklist.columns.priority")}</th>
              <th>{t("worklist.columns.site")}</th>
              <th>{t("assignment.board.holder")}</th>
              <th>{t("assignment.board.escalatedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="escalated-row">
                <td>
                  <span className="badge warning">{row.escalationLevel}</span>
                </td>
                <td>
                  <Link href={`/requests/${row.id}`}>{t(`priority.${row.priority}`)}</Link> · {row.modality} {row.bodyRegion}
                </td>
                <td>{row.site.name}</td>
                <td>{row.holder ? `${row.holder.name} (${t("assignment.board.unacknowledged")})` : t("worklist.unassigned")}</td>
                <td>{row.escalatedAt && <LocalDateTime date={row.escalatedAt} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

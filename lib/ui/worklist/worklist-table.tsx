"use client";

import Link from "next/link";
import { formatWaitingTime } from "@/lib/domain/waiting-time";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { WorklistRow } from "@/lib/server/services/requests/request-dto";
import { PresenceBadge } from "../presence/presence-badge";
import { useRequestsPresence } from "../presence/use-presence";
import { HoldActions } from "../requests/hold-actions";
import { useNow } from "../use-now";

export function WorklistTable(props: { rows: WorklistRow[]; fetchedAt: number; actorId: string; canClaim: boolean }) {
  const { t, locale } = useI18n();
  // Server render and hydration count waiting times up to when the rows were fetched (lib/ui/use-now.ts).
  const now = useNow(1000, props.fetchedAt);
  // One query for the rows on screen: who has each request open right now.
  const presence = useRequestsPresence(props.rows.map((row) => row.id));
  if (props.rows.length === 0) return <p className="panel muted">{t("worklist.empty")}</p>;
  return (
    // On a tablet the row's actions stay in view while the row scrolls (app/small-screens.css).
    <table className="worklist sticky-actions" data-testid="worklist">
      <thead>
        <tr>
          <th>{t("worklist.columns.priority")}</th>
          <th>{t("worklist.columns.waiting")}</th>
          <th>{t("worklist.columns.site")}</th>
          <th>{t("worklist.columns.type")}</th>
          <th>{t("worklist.columns.patient")}</th>
          <th>{t("worklist.columns.exam")}</th>
          <th>{t("worklist.columns.status")}</th>
          <th>{t("worklist.columns.holder")}</th>
          <th>{t("worklist.columns.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id} className={`priority-${row.priority}`} data-request-id={row.id} data-priority={row.priority}>
            <td>
              <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>
            </td>
            <td data-testid="waiting">{formatWaitingTime(now - row.submittedAt.getTime(), locale === "fr" ? "j" : "d")}</td>
            <td title={row.site.name}>{row.site.code}</td>
            <td>{t(`requestType.${row.type}`)}</td>
            <td>
              {row.patient.familyName.toUpperCase()} {row.patient.givenName}
            </td>
            <td>
              {row.modality} · {row.bodyRegion}
            </td>
            <td>{t(`status.${row.status}`)}</td>
            <td data-testid="holder">{row.holder ? row.holder.name : <span className="muted">{t("worklist.unassigned")}</span>}</td>
            <td>
              <Link href={`/requests/${row.id}`}>{t("worklist.open")}</Link>{" "}
              {props.canClaim && <HoldActions requestId={row.id} holderId={row.holder?.id ?? null} actorId={props.actorId} />}
              {presence.has(row.id) && (
                <div>
                  <PresenceBadge viewers={presence.get(row.id) ?? []} actorId={props.actorId} />
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

"use client";

import "./worklist-glance.css";
import Link from "next/link";
import { formatWaitingTime } from "@/lib/domain/waiting-time";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { WorklistListRow } from "@/lib/server/services/requests/worklist-list-row";
import { PresenceBadge } from "../presence/presence-badge";
import { useRequestsPresence } from "../presence/use-presence";
import { HoldActions } from "../requests/hold-actions";
import { useNow } from "../use-now";
import { useWorklistKeyboard } from "./use-worklist-keyboard";
import { WorklistKeysHelp } from "./worklist-keys-help";
import { WorklistRowMarks } from "./worklist-row-marks";

export function WorklistTable(props: { rows: WorklistListRow[]; fetchedAt: number; actorId: string; canClaim: boolean }) {
  const { t, locale } = useI18n();
  // Server render and hydration count waiting times up to when the rows were fetched (lib/ui/use-now.ts).
  const now = useNow(1000, props.fetchedAt);
  // One query for the rows on screen: who has each request open right now.
  const presence = useRequestsPresence(props.rows.map((row) => row.id));
  const keyboard = useWorklistKeyboard({ rowIds: props.rows.map((row) => row.id), canClaim: props.canClaim });
  // Roving tabindex: one row is in the tab order, the selected one (else the first).
  const focusableId = keyboard.selectedId && props.rows.some((row) => row.id === keyboard.selectedId) ? keyboard.selectedId : props.rows[0]?.id;

  return (
    <>
      <p className="worklist-tools">
        <button type="button" className="secondary" data-testid="worklist-keys-button" aria-haspopup="dialog" onClick={() => keyboard.setHelpOpen(true)}>
          {t("worklistGlance.helpButton")}
        </button>
      </p>
      {keyboard.helpOpen && <WorklistKeysHelp canClaim={props.canClaim} onClose={() => keyboard.setHelpOpen(false)} />}
      {props.rows.length === 0 ? (
        <p className="panel muted">{t("worklist.empty")}</p>
      ) : (
        <div className="table-scroll">
          {/* On a tablet the row's actions stay in view while the row scrolls (app/small-screens.css). */}
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
              {props.rows.map((row) => {
                const selected = row.id === keyboard.selectedId;
                return (
                  <tr
                    key={row.id}
                    className={`priority-${row.priority}${row.criticalOpen > 0 ? " critical-open" : ""}`}
                    data-request-id={row.id}
                    data-priority={row.priority}
                    data-escalated={row.escalated}
                    data-critical-open={row.criticalOpen}
                    tabIndex={row.id === focusableId ? 0 : -1}
                    aria-selected={selected}
                    onFocus={(event) => {
                      // Focus on the row itself or on one of its buttons selects it.
                      if (event.currentTarget.contains(event.target)) keyboard.setSelectedId(row.id);
                    }}
                  >
                    <td>
                      <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>
                      <WorklistRowMarks escalated={row.escalated} criticalOpen={row.criticalOpen} />
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
                      <Link href={`/requests/${row.id}`} onClick={() => keyboard.rememberOpened(row.id)}>
                        {t("worklist.open")}
                      </Link>{" "}
                      {props.canClaim && <HoldActions requestId={row.id} holderId={row.holder?.id ?? null} actorId={props.actorId} />}
                      {presence.has(row.id) && (
                        <div>
                          <PresenceBadge viewers={presence.get(row.id) ?? []} actorId={props.actorId} />
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

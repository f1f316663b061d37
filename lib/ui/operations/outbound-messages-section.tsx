"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { RisMessageMeaning } from "../hl7/ris-message-meaning";
import { LocalDateTime } from "../local-date-time";

/**
 * Outbound HL7 messages the sites' RIS refused or has not acknowledged for minutes, with the
 * RIS's error and a way to send a failed one again (audited). Its own query: the board's SQL
 * stays about requests, and this list refetches on every request hint like the rest.
 */
export function OutboundMessagesSection() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const problems = useQuery(trpc.hl7Messages.outboundProblems.queryOptions(undefined, { refetchInterval: 60_000 }));
  const [feedback, setFeedback] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  const retry = useMutation(
    trpc.hl7Messages.retry.mutationOptions({
      onMutate: () => setFeedback(null),
      onSuccess: () => setFeedback({ kind: "notice", text: t("ris.board.retried") }),
      onError: (error) => setFeedback({ kind: "error", text: errorMessage(error, t) }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.hl7Messages.pathKey() }),
    }),
  );
  const rows = problems.data ?? [];
  return (
    <section aria-labelledby="ops-outbound-title" data-testid="ops-outbound">
      <h2 id="ops-outbound-title">{t("ris.board.title")}</h2>
      <p className="muted">{t("ris.board.intro")}</p>
      {feedback && (
        <p className={feedback.kind === "error" ? "form-error" : "notice"} role="status">
          {feedback.text}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="panel muted">{t("ris.board.none")}</p>
      ) : (
        // A wide table scrolls in its own box on a phone, rather than the page.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("ris.board.title")}>
        <table className="worklist ops-table">
          <thead>
            <tr>
              <th>{t("ris.board.request")}</th>
              <th>{t("ris.board.interface")}</th>
              <th>{t("ris.board.message")}</th>
              <th>{t("ris.board.state")}</th>
              <th>{t("ris.board.error")}</th>
              <th>{t("ris.board.since")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="ops-outbound-row" data-state={row.state}>
                <td>{row.requestId ? <Link href={`/requests/${row.requestId}`}>{row.accessionNumber}</Link> : "—"}</td>
                <td>
                  {row.interfaceLabel}
                  <div className="muted small">{row.siteName}</div>
                </td>
                <td>
                  ORU^R01 {row.orderControl}
                  <div className="muted small">
                    <RisMessageMeaning orderControl={row.orderControl} report={row.report} />
                  </div>
                </td>
                <td>
                  {t(`ris.messages.state.${row.state}`)}
                  <div className="muted small">{t("ris.messages.attempts", { count: String(row.attempts) })}</div>
                </td>
                <td className="form-error" style={{ overflowWrap: "anywhere", minWidth: "12rem" }}>
                  {row.ackCode && `${row.ackCode} `}
                  {row.errorText}
                </td>
                <td>
                  <LocalDateTime date={row.createdAt} />
                </td>
                <td>
                  {row.state === "FAILED" && (
                    <button type="button" className="secondary" disabled={retry.isPending} onClick={() => retry.mutate({ messageId: row.id })}>
                      {t("ris.board.retry")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

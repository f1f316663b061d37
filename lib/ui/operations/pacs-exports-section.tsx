"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";

/**
 * Signed reports a site's PACS refused or has not stored for minutes, with the PACS's answer and
 * a way to send a failed one again (audited). Its own query, refetched like the board.
 */
export function PacsExportsSection() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const problems = useQuery(trpc.pacsExports.problems.queryOptions(undefined, { refetchInterval: 60_000 }));
  const [feedback, setFeedback] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  const retry = useMutation(
    trpc.pacsExports.retry.mutationOptions({
      onMutate: () => setFeedback(null),
      onSuccess: () => setFeedback({ kind: "notice", text: t("pacsExports.board.retried") }),
      onError: (error) => setFeedback({ kind: "error", text: errorMessage(error, t) }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.pacsExports.pathKey() }),
    }),
  );
  const rows = problems.data ?? [];
  return (
    <section aria-labelledby="ops-pacs-title" data-testid="ops-pacs-exports">
      <h2 id="ops-pacs-title">{t("pacsExports.board.title")}</h2>
      <p className="muted">{t("pacsExports.board.intro")}</p>
      {feedback && (
        <p className={feedback.kind === "error" ? "form-error" : "notice"} role="status">
          {feedback.text}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="panel muted">{t("pacsExports.board.none")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("pacsExports.board.title")}>
          <table className="worklist ops-table">
            <thead>
              <tr>
                <th>{t("pacsExports.board.request")}</th>
                <th>{t("pacsExports.board.destination")}</th>
                <th>{t("pacsExports.board.document")}</th>
                <th>{t("pacsExports.board.state")}</th>
                <th>{t("pacsExports.board.error")}</th>
                <th>{t("pacsExports.board.since")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="ops-pacs-export-row" data-state={row.state}>
                  <td>
                    <Link href={`/requests/${row.requestId}`}>{row.accessionNumber}</Link>
                  </td>
                  <td>
                    {row.destinationLabel} <code>{row.aeTitle}</code>
                    <div className="muted small">{row.siteName}</div>
                  </td>
                  <td>
                    {t(`pacsExports.format.${row.format}`)}
                    <div className="muted small">{(row.sequence === 0 ? t("pacsExports.original") : t("pacsExports.addendum", { sequence: String(row.sequence) }))}</div>
                  </td>
                  <td>
                    {t(`pacsExports.state.${row.state}`)}
                    <div className="muted small">{t("pacsExports.attempts", { count: String(row.attempts) })}</div>
                  </td>
                  <td className="form-error" style={{ overflowWrap: "anywhere", minWidth: "12rem" }}>
                    {row.dimseStatus && `${row.dimseStatus} `}
                    {row.errorText}
                  </td>
                  <td>
                    <LocalDateTime date={row.createdAt} />
                  </td>
                  <td>
                    {(row.state === "FAILED" || row.state === "SENDING") && (
                      <button type="button" className="secondary" disabled={retry.isPending} onClick={() => retry.mutate({ exportId: row.id })}>
                        {t("pacsExports.board.retry")}
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

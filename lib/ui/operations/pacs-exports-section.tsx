"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { OutboundProblemsTable, useRetryFeedback } from "./outbound-problems-table";

/**
 * Signed reports a site's PACS refused or has not stored for minutes, with the PACS's answer and
 * a way to send a failed one again (audited). Its own query, refetched like the board.
 */
export function PacsExportsSection() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const problems = useQuery(trpc.pacsExports.problems.queryOptions(undefined, { refetchInterval: 60_000 }));
  const { feedback, handlers } = useRetryFeedback("pacsExports.board.retried");
  const retry = useMutation(
    trpc.pacsExports.retry.mutationOptions({ ...handlers, onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.pacsExports.pathKey() }) }),
  );
  const rows = (problems.data ?? []).map((row) => ({
    id: row.id,
    requestId: row.requestId,
    accessionNumber: row.accessionNumber,
    state: row.state,
    peer: (
      <>
        {row.destinationLabel} <code>{row.aeTitle}</code>
        <div className="muted small">{row.siteName}</div>
      </>
    ),
    what: (
      <>
        {t(`pacsExports.format.${row.format}`)}
        <div className="muted small">{row.sequence === 0 ? t("pacsExports.original") : t("pacsExports.addendum", { sequence: String(row.sequence) })}</div>
      </>
    ),
    stateLabel: t(`pacsExports.state.${row.state}`),
    attemptsLabel: t("pacsExports.attempts", { count: String(row.attempts) }),
    code: row.dimseStatus,
    errorText: row.errorText,
    createdAt: row.createdAt,
    // "Sending" left by a worker that died mid-association may be sent again too.
    canRetry: row.state === "FAILED" || row.state === "SENDING",
  }));
  return (
    <OutboundProblemsTable
      testId="ops-pacs-exports"
      rowTestId="ops-pacs-export-row"
      title={t("pacsExports.board.title")}
      intro={t("pacsExports.board.intro")}
      empty={t("pacsExports.board.none")}
      headers={{
        request: t("pacsExports.board.request"),
        peer: t("pacsExports.board.destination"),
        what: t("pacsExports.board.document"),
        state: t("pacsExports.board.state"),
        error: t("pacsExports.board.error"),
        since: t("pacsExports.board.since"),
      }}
      retryLabel={t("pacsExports.board.retry")}
      rows={rows}
      feedback={feedback}
      retrying={retry.isPending}
      onRetry={(id) => retry.mutate({ exportId: id })}
    />
  );
}

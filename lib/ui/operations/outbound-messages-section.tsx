"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { RisMessageMeaning } from "../hl7/ris-message-meaning";
import { OutboundProblemsTable, useRetryFeedback } from "./outbound-problems-table";

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
  const { feedback, handlers } = useRetryFeedback("ris.board.retried");
  const retry = useMutation(
    trpc.hl7Messages.retry.mutationOptions({ ...handlers, onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.hl7Messages.pathKey() }) }),
  );
  const rows = (problems.data ?? []).map((row) => ({
    id: row.id,
    requestId: row.requestId,
    accessionNumber: row.accessionNumber,
    state: row.state,
    peer: (
      <>
        {row.interfaceLabel}
        <div className="muted small">{row.siteName}</div>
      </>
    ),
    what: (
      <>
        ORU^R01 {row.orderControl}
        <div className="muted small">
          <RisMessageMeaning orderControl={row.orderControl} report={row.report} />
        </div>
      </>
    ),
    stateLabel: t(`ris.messages.state.${row.state}`),
    attemptsLabel: t("ris.messages.attempts", { count: String(row.attempts) }),
    code: row.ackCode,
    errorText: row.errorText,
    createdAt: row.createdAt,
    canRetry: row.state === "FAILED",
  }));
  return (
    <OutboundProblemsTable
      testId="ops-outbound"
      rowTestId="ops-outbound-row"
      title={t("ris.board.title")}
      intro={t("ris.board.intro")}
      empty={t("ris.board.none")}
      headers={{
        request: t("ris.board.request"),
        peer: t("ris.board.interface"),
        what: t("ris.board.message"),
        state: t("ris.board.state"),
        error: t("ris.board.error"),
        since: t("ris.board.since"),
      }}
      retryLabel={t("ris.board.retry")}
      rows={rows}
      feedback={feedback}
      retrying={retry.isPending}
      onRetry={(id) => retry.mutate({ messageId: id })}
    />
  );
}

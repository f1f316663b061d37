"use client";

import { useQuery } from "@tanstack/react-query";
import { refreshDelayMs } from "@/lib/domain/operations/next-board-change";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { AtRiskTable } from "./at-risk-table";
import { BacklogMatrix } from "./backlog-matrix";
import { BoardCounters } from "./board-counters";
import { useBoardClock } from "./board-clock";
import { EscalationsSection } from "./escalations-section";
import { OnCallTable } from "./on-call-table";
import { OutboundMessagesSection } from "./outbound-messages-section";
import { PacsExportsSection } from "./pacs-exports-section";

/**
 * The department head's live board. Refetched on every socket hint about a request (see
 * live-updates.tsx), and at the next instant the clock alone changes it (a request entering
 * the at-risk list, a shift starting): no hint tells of what nobody did. Ages tick in between.
 */
export function OperationsBoardView() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.operations.board.queryOptions(undefined, { refetchInterval: (current) => (current.state.data ? refreshDelayMs(current.state.data) : false) }));
  const board = query.data;
  const now = useBoardClock(board?.generatedAt ?? new Date(0), query.dataUpdatedAt);

  if (!board) return query.error ? <p className="form-error">{errorMessage(query.error, t)}</p> : <p className="muted">{t("app.loading")}</p>;
  return (
    <div data-testid="operations-board">
      <p className="muted">
        {t("operations.updatedAt")} <LocalDateTime date={board.generatedAt} part="time" />
      </p>
      {query.error && <p className="form-error">{errorMessage(query.error, t)}</p>}
      <BoardCounters counters={board.counters} />
      <BacklogMatrix backlog={board.backlog} />
      <AtRiskTable atRisk={board.atRisk} now={now} />
      <OnCallTable onCall={board.onCall} offCallHolders={board.offCallHolders} now={now} />
      <EscalationsSection requests={board.escalatedRequests} findings={board.escalatedFindings} now={now} />
      <OutboundMessagesSection />
      <PacsExportsSection />
    </div>
  );
}

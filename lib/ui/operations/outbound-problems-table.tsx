"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import { errorMessage } from "@/lib/trpc/error-message";
import { LocalDateTime } from "../local-date-time";

/** One message or document a site's RIS or PACS refused or has not taken yet. */
export interface OutboundProblemRow {
  id: string;
  requestId: string | null;
  accessionNumber: string | null;
  state: string;
  /** The peer (interface or PACS) and its site. */
  peer: ReactNode;
  /** What was sent, and for which version. */
  what: ReactNode;
  stateLabel: string;
  attemptsLabel: string;
  /** The peer's code (ACK code, DIMSE status) before its text. */
  code: string | null;
  errorText: string | null;
  createdAt: Date;
  canRetry: boolean;
}

export type Feedback = { kind: "notice" | "error"; text: string } | null;

/** The feedback line of a "send again" button: cleared when it starts, then success or the error. */
export function useRetryFeedback(noticeKey: MessageKey) {
  const { t } = useI18n();
  const [feedback, setFeedback] = useState<Feedback>(null);
  return {
    feedback,
    handlers: {
      onMutate: () => setFeedback(null),
      onSuccess: () => setFeedback({ kind: "notice", text: t(noticeKey) }),
      onError: (error: unknown) => setFeedback({ kind: "error", text: errorMessage(error, t) }),
    },
  };
}

/**
 * The operations board's table of what left the product and did not arrive (RIS messages, PACS
 * documents): the same columns, error cell and "send again" button, whatever the channel.
 */
export function OutboundProblemsTable(props: {
  testId: string;
  rowTestId: string;
  title: string;
  intro: string;
  empty: string;
  headers: { request: string; peer: string; what: string; state: string; error: string; since: string };
  retryLabel: string;
  rows: OutboundProblemRow[];
  feedback: Feedback;
  retrying: boolean;
  onRetry: (id: string) => void;
}) {
  const titleId = `${props.testId}-title`;
  return (
    <section aria-labelledby={titleId} data-testid={props.testId}>
      <h2 id={titleId}>{props.title}</h2>
      <p className="muted">{props.intro}</p>
      {props.feedback && (
        <p className={props.feedback.kind === "error" ? "form-error" : "notice"} role="status">
          {props.feedback.text}
        </p>
      )}
      {props.rows.length === 0 ? (
        <p className="panel muted">{props.empty}</p>
      ) : (
        // A wide table scrolls in its own box on a phone, rather than the page.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={props.title}>
          <table className="worklist ops-table">
            <thead>
              <tr>
                <th>{props.headers.request}</th>
                <th>{props.headers.peer}</th>
                <th>{props.headers.what}</th>
                <th>{props.headers.state}</th>
                <th>{props.headers.error}</th>
                <th>{props.headers.since}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.id} data-testid={props.rowTestId} data-state={row.state}>
                  <td>{row.requestId ? <Link href={`/requests/${row.requestId}`}>{row.accessionNumber}</Link> : "—"}</td>
                  <td>{row.peer}</td>
                  <td>{row.what}</td>
                  <td>
                    {row.stateLabel}
                    <div className="muted small">{row.attemptsLabel}</div>
                  </td>
                  <td className="form-error" style={{ overflowWrap: "anywhere", minWidth: "12rem" }}>
                    {row.code && `${row.code} `}
                    {row.errorText}
                  </td>
                  <td>
                    <LocalDateTime date={row.createdAt} />
                  </td>
                  <td>
                    {row.canRetry && (
                      <button type="button" className="secondary" disabled={props.retrying} onClick={() => props.onRetry(row.id)}>
                        {props.retryLabel}
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

"use client";

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { RisMessageMeaning } from "./ris-message-meaning";

/**
 * "Messages RIS" on a request the site's RIS ordered: each HL7 message in and out, with its
 * state (queued, sent, acknowledged, failed with the RIS's error). Shown to everyone who sees
 * the request: the site's staff need to know whether their RIS heard the decision. Nothing
 * for a request typed into the product.
 */
export function RisMessagesBlock(props: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.hl7Messages.forRequest.queryOptions({ requestId: props.requestId }));
  const data = query.data;
  if (!data || (!data.fromRis && data.messages.length === 0)) return null;
  return (
    <section className="panel" style={{ marginTop: "1rem" }} data-testid="ris-messages">
      <h2>{t("ris.messages.title")}</h2>
      {data.messages.length === 0 && <p className="muted">{t("ris.messages.none")}</p>}
      {data.messages.length > 0 && (
        <ul className="ris-messages">
          {data.messages.map((message) => (
            <li key={message.id} data-testid="ris-message" data-state={message.state} className={`ris-message ris-message-${message.state}`}>
              <div>
                <strong>
                  {message.direction === "OUTBOUND" ? t("ris.messages.sent") : t("ris.messages.received")} · {message.messageType}
                  {message.orderControl && ` ${message.orderControl}`}
                </strong>
                {(message.report || message.orderControl) && (
                  <>
                    {" — "}
                    <RisMessageMeaning orderControl={message.orderControl} report={message.report} />
                  </>
                )}
              </div>
              <div>
                <span className="ris-message-state" data-testid="ris-message-state">
                  {t(`ris.messages.state.${message.state}`)}
                </span>
                {message.direction === "OUTBOUND" && message.attempts > 0 && <span className="muted"> · {t("ris.messages.attempts", { count: String(message.attempts) })}</span>}
                {message.ackCode && <span className="muted"> · {t("ris.messages.ack", { code: message.ackCode })}</span>}
                <span className="muted">
                  {" "}
                  · <LocalDateTime date={message.updatedAt} />
                </span>
              </div>
              {message.errorText && (
                <div className="form-error" data-testid="ris-message-error">
                  {message.errorText}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

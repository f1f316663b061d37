"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalDateTime } from "../local-date-time";
import { eventReasonSentence } from "@/lib/domain/assignment/event-reason-detail";
import type { MessageKey } from "@/lib/i18n/types";
import type { RequestEventDto } from "@/lib/server/services/requests/get-request";

/** The append-only trace of a request: who did what, when, from which status to which, and why. */
export function RequestTimeline({ events }: { events: RequestEventDto[] }) {
  const { t, locale } = useI18n();
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} data-event-type={event.type}>
          <LocalDateTime date={event.at} />
          <strong>{t(`detail.events.${event.type}`)}</strong> —{" "}
          {event.actor ? `${event.actor.name} (${t(`roles.${event.actor.role}` as MessageKey)})` : (event.actorLabel ?? t("detail.system"))}
          {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
            <span>
              {" "}
              · {t(`status.${event.fromStatus}` as MessageKey)} → {t(`status.${event.toStatus}` as MessageKey)}
            </span>
          )}
          {event.reason && <div className="muted">{t("detail.reason", { reason: event.reasonDetail ? eventReasonSentence(event.reasonDetail, locale) : event.reason })}</div>}
        </li>
      ))}
    </ol>
  );
}

"use client";

import { useState } from "react";
import { isOverdue } from "@/lib/domain/reports/critical-findings";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { CriticalContactDto, CriticalFindingDto } from "@/lib/server/services/critical/critical-dto";
import { LocalDateTime } from "../local-date-time";
import { useNow } from "../use-now";
import { CriticalCommunicationForm } from "./critical-communication-form";

const STATE_COLOUR: Record<CriticalFindingDto["state"], string> = {
  open: "var(--urgent)",
  escalated: "var(--vital)",
  acknowledged: "var(--ok)",
};

/** One finding's loop, as the trace shows it: flagged, communicated, acknowledged, escalated. */
export function CriticalFindingItem(props: { requestId: string; finding: CriticalFindingDto; contacts: CriticalContactDto[] }) {
  const { t } = useI18n();
  const { finding } = props;
  // Findings are fetched in the browser only; were one server-rendered, it would not read as
  // overdue at the instant it was flagged.
  const now = useNow(10_000, finding.flaggedAt.getTime());
  const [communicating, setCommunicating] = useState(false);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const overdue = isOverdue(finding, new Date(now));

  return (
    <li data-testid="critical-finding" data-state={finding.state} data-category={finding.category} data-finding-id={finding.id} style={{ borderLeft: `4px solid ${STATE_COLOUR[finding.state]}`, paddingLeft: "0.75rem" }}>
      <div style={{ display: "flex", gap: "0.5rem", alignItems: "baseline", flexWrap: "wrap" }}>
        <span className={`badge${finding.category === "MINUTES" ? " priority-VITAL" : ""}`} data-testid="critical-finding-category">
          {t(`critical.categories.${finding.category}`)}
        </span>
        <strong data-testid="critical-finding-state">{t(`critical.states.${finding.state}`)}</strong>
        {overdue && (
          <span className="badge" style={{ color: "var(--vital)", borderColor: "var(--vital)" }}>
            {t("critical.trace.overdue")}
          </span>
        )}
      </div>
      <p style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: "0.4rem 0" }} data-testid="critical-finding-description">
        {finding.description}
      </p>
      <ul style={{ listStyle: "none", padding: 0, margin: 0, fontSize: "0.9rem" }}>
        <li>
          {t("critical.trace.flagged", { name: finding.flaggedBy.name })} <LocalDateTime date={finding.flaggedAt} />
        </li>
        {finding.acknowledgeBy && (
          <li>
            {t("critical.trace.deadline")} <LocalDateTime date={finding.acknowledgeBy} />
          </li>
        )}
        {finding.escalatedAt && (
          <li data-testid="critical-escalated" style={{ color: "var(--vital)", fontWeight: 600 }}>
            {t("critical.trace.escalated")} <LocalDateTime date={finding.escalatedAt} />
          </li>
        )}
        {finding.acknowledgedAt && finding.acknowledgedBy && (
          <li data-testid="critical-acknowledged" style={{ color: "var(--ok)", fontWeight: 600 }}>
            {t("critical.trace.acknowledged", { name: finding.acknowledgedBy.name })} <LocalDateTime date={finding.acknowledgedAt} />
          </li>
        )}
      </ul>
      <CommunicationList finding={finding} />
      {finding.can.communicate &&
        (communicating ? (
          <CriticalCommunicationForm
            requestId={props.requestId}
            findingId={finding.id}
            contacts={props.contacts}
            onCancel={() => setCommunicating(false)}
            onRecorded={(acknowledged) => {
              setCommunicating(false);
              setNotice(acknowledged ? "critical.communicate.doneAcknowledged" : "critical.communicate.done");
            }}
          />
        ) : (
          <button
            type="button"
            className="secondary"
            data-testid="critical-communicate"
            style={{ marginTop: "0.4rem" }}
            onClick={() => {
              setNotice(null);
              setCommunicating(true);
            }}
          >
            {t("critical.communicate.open")}
          </button>
        ))}
      {notice && (
        <p role="status" className="notice" data-testid="critical-communication-notice">
          {t(notice)}
        </p>
      )}
    </li>
  );
}

function CommunicationList({ finding }: { finding: CriticalFindingDto }) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: "0.4rem" }}>
      <strong style={{ fontSize: "0.9rem" }}>{t("critical.trace.communications")}</strong>
      {finding.communications.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {t("critical.trace.noCommunication")}
        </p>
      ) : (
        <ol style={{ margin: "0.2rem 0", paddingLeft: "1.2rem", fontSize: "0.9rem" }}>
          {finding.communications.map((c) => (
            <li key={c.id} data-testid="critical-communication" data-channel={c.channel} data-acknowledged={c.acknowledged ? "true" : "false"}>
              <LocalDateTime date={c.communicatedAt} /> · {t("critical.trace.communication", { channel: t(`critical.channels.${c.channel}`), recipient: c.recipientName })} ·{" "}
              {c.acknowledged ? t("critical.trace.readBack") : t("critical.trace.noReadBack")}{" "}
              <span className="muted">({t("critical.trace.recordedBy", { name: c.recordedBy.name })})</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

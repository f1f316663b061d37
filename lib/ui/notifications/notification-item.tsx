"use client";

import Link from "next/link";
import { QUICK_ACTIONS, type QuickAction } from "@/lib/domain/thread";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { NotificationDto } from "@/lib/server/services/notifications/list-notifications";
import { LocalDateTime } from "../local-date-time";

/** One notification: what happened, about which request (site, priority, type, modality), when. */
export function NotificationItem(props: { notification: NotificationDto; onMarkRead: (id: string) => void; onOpen?: () => void }) {
  const { t } = useI18n();
  const { notification: n } = props;
  const unread = n.readAt === null;
  const authorName = typeof n.detail.authorName === "string" ? n.detail.authorName : null;
  const quickAction = typeof n.detail.quickAction === "string" && (QUICK_ACTIONS as readonly string[]).includes(n.detail.quickAction) ? (n.detail.quickAction as QuickAction) : null;

  return (
    <li
      data-testid="notification-item"
      data-kind={n.kind}
      data-read={unread ? "false" : "true"}
      data-request-id={n.request?.id}
      style={{
        padding: "0.5rem 0.6rem",
        borderBottom: "1px solid var(--line)",
        borderLeft: unread ? "4px solid var(--accent)" : "4px solid transparent",
        background: unread ? "#eef4fd" : "white",
        color: "var(--ink)",
      }}
    >
      <div style={{ display: "flex", gap: "0.5rem", alignItems: "baseline", flexWrap: "wrap" }}>
        <span style={{ fontWeight: unread ? 700 : 400 }}>{t(`notifications.kinds.${n.kind}`)}</span>
        <span className="muted" style={{ fontSize: "0.8rem" }}>
          {unread ? t("notifications.unread") : t("notifications.read")} · <LocalDateTime date={n.createdAt} />
        </span>
      </div>
      {n.request ? (
        <div style={{ fontSize: "0.85rem" }}>
          <span className={`badge priority-${n.request.priority}`}>{t(`priority.${n.request.priority}`)}</span> {n.request.siteCode} ·{" "}
          {t(`requestType.${n.request.type}`)} · {n.request.modality}
        </div>
      ) : null}
      {(authorName || quickAction) && (
        <div className="muted" style={{ fontSize: "0.85rem" }}>
          {authorName && t("notifications.from", { name: authorName })}
          {authorName && quickAction && " · "}
          {quickAction && t(`thread.quickActions.${quickAction}`)}
        </div>
      )}
      <div style={{ display: "flex", gap: "0.75rem", marginTop: "0.25rem", fontSize: "0.85rem" }}>
        {n.request && (
          <Link
            href={`/requests/${n.request.id}`}
            style={{ color: "var(--accent)", fontWeight: 600 }}
            onClick={() => {
              if (unread) props.onMarkRead(n.id);
              props.onOpen?.();
            }}
          >
            {t("notifications.openRequest")}
          </Link>
        )}
        {unread && (
          <button type="button" className="secondary" style={{ padding: "0 0.5rem", fontSize: "0.8rem", color: "var(--accent)", borderColor: "var(--accent)" }} onClick={() => props.onMarkRead(n.id)}>
            {t("notifications.markRead")}
          </button>
        )}
      </div>
    </li>
  );
}

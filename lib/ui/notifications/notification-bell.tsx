"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { NOTIFICATION_BELL_LIMIT } from "@/lib/domain/notifications";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { Translate } from "@/lib/i18n/translate";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { BrowserAlertsToggle } from "./browser-alerts-toggle";
import { NotificationItem } from "./notification-item";
import { useMarkNotificationsRead } from "./use-mark-read";
import { useVitalAlert } from "./use-vital-alert";

/**
 * The header's bell: unread count, and a dropdown with the latest notifications. It also
 * rings for vital emergencies (mounted once per tab, in the header).
 */
export function NotificationBell() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const query = useQuery(trpc.notifications.list.queryOptions({ limit: NOTIFICATION_BELL_LIMIT }));
  const markRead = useMarkNotificationsRead();
  const alerts = useVitalAlert();
  const unread = query.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={rootRef} style={{ position: "relative" }}>
      <button
        type="button"
        data-testid="notification-bell"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={bellName(unread, t)}
        onClick={() => setOpen((value) => !value)}
        style={{ display: "inline-flex", alignItems: "center", gap: "0.3rem", padding: "0.25rem 0.6rem" }}
      >
        <BellIcon />
        {unread > 0 && (
          <span data-testid="notification-unread-count" className="badge" style={{ background: "var(--vital)", borderColor: "var(--vital)", color: "white" }}>
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div
          data-testid="notification-panel"
          role="region"
          aria-label={t("notifications.latest")}
          style={{
            position: "absolute",
            right: 0,
            top: "calc(100% + 0.4rem)",
            width: "min(26rem, 90vw)",
            maxHeight: "70vh",
            overflowY: "auto",
            background: "white",
            color: "var(--ink)",
            border: "1px solid var(--line)",
            borderRadius: 8,
            boxShadow: "0 8px 24px rgba(0,0,0,0.18)",
            zIndex: 50,
          }}
        >
          <div style={{ display: "flex", alignItems: "center", gap: "0.5rem", padding: "0.5rem 0.6rem", borderBottom: "1px solid var(--line)" }}>
            <strong style={{ flex: 1 }}>{t("notifications.latest")}</strong>
            <button
              type="button"
              data-testid="mark-all-read"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
              style={{ color: "var(--accent)", borderColor: "var(--accent)", background: "white", padding: "0.1rem 0.5rem", fontSize: "0.85rem" }}
            >
              {t("notifications.markAllRead")}
            </button>
          </div>
          {query.error && <p className="form-error" style={{ padding: "0 0.6rem" }}>{errorMessage(query.error, t)}</p>}
          {query.data && query.data.items.length === 0 && <p className="muted" style={{ padding: "0 0.6rem" }}>{t("notifications.empty")}</p>}
          {query.data && query.data.items.length > 0 && (
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {query.data.items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onMarkRead={(id) => markRead.mutate({ ids: [id] })}
                  onOpen={() => setOpen(false)}
                />
              ))}
            </ul>
          )}
          <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "0.5rem", padding: "0.5rem 0.6rem", fontSize: "0.85rem" }}>
            <Link href="/notifications" onClick={() => setOpen(false)} style={{ color: "var(--accent)", flex: 1 }}>
              {t("notifications.seeAll")}
            </Link>
            <BrowserAlertsToggle permission={alerts.permission} onEnable={alerts.requestPermission} />
          </div>
        </div>
      )}
    </div>
  );
}

/** "Notifications, 3 non lues": the count the badge shows, in the name a screen reader speaks. */
function bellName(unread: number, t: Translate): string {
  if (unread === 0) return t("notifications.bell");
  return unread === 1 ? t("notifications.bellUnreadOne") : t("notifications.bellUnreadMany", { count: unread });
}

function BellIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

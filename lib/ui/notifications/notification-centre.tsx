"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { NOTIFICATION_CENTRE_PAGE } from "@/lib/domain/notifications";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { BrowserAlertsToggle } from "./browser-alerts-toggle";
import { NotificationItem } from "./notification-item";
import { useMarkNotificationsRead } from "./use-mark-read";
import { useBrowserAlertPermission } from "./use-vital-alert";

/** Every notification of the user, newest first, page by page; filter on unread; mark read. */
export function NotificationCentre() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: NOTIFICATION_CENTRE_PAGE, unreadOnly },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const markRead = useMarkNotificationsRead();
  const alerts = useBrowserAlertPermission();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = query.data?.pages[0]?.unreadCount ?? 0;

  return (
    <section className="panel" data-testid="notification-centre">
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "1rem", marginBottom: "0.75rem" }}>
        <label style={{ display: "inline-flex", alignItems: "center", gap: "0.4rem", margin: 0, fontWeight: 400 }}>
          <input type="checkbox" style={{ width: "auto" }} checked={unreadOnly} data-testid="filter-unread" onChange={(event) => setUnreadOnly(event.target.checked)} />
          {t("notifications.onlyUnread")}
        </label>
        <span className="muted" data-testid="centre-unread-count" style={{ flex: 1 }}>
          {t("notifications.unreadCount", { count: unread })}
        </span>
        <button type="button" className="secondary" data-testid="mark-all-read" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          {t("notifications.markAllRead")}
        </button>
        <BrowserAlertsToggle permission={alerts.permission} onEnable={alerts.requestPermission} />
      </div>
      {query.error && <p className="form-error">{errorMessage(query.error, t)}</p>}
      {query.isPending && <p className="muted">{t("app.loading")}</p>}
      {query.data && items.length === 0 && <p className="muted">{unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")}</p>}
      {items.length > 0 && (
        <ul style={{ listStyle: "none", margin: 0, padding: 0, border: "1px solid var(--line)", borderRadius: 8, overflow: "hidden" }}>
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onMarkRead={(id) => markRead.mutate({ ids: [id] })} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <p>
          <button type="button" className="secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t("notifications.loadMore")}
          </button>
        </p>
      )}
    </section>
  );
}

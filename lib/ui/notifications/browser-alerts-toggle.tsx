"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { AlertPermission } from "./use-vital-alert";

/** Offers to turn the browser's notifications on, or says where they stand. */
export function BrowserAlertsToggle(props: { permission: AlertPermission; onEnable: () => void }) {
  const { t } = useI18n();
  switch (props.permission) {
    case "default":
      return (
        <button type="button" className="secondary" data-testid="enable-browser-alerts" onClick={props.onEnable} style={{ color: "var(--accent)", borderColor: "var(--accent)", background: "white" }}>
          {t("notifications.alerts.enable")}
        </button>
      );
    case "granted":
      return <span className="muted">{t("notifications.alerts.enabled")}</span>;
    case "denied":
      return <span className="muted">{t("notifications.alerts.blocked")}</span>;
    case "unsupported":
      return <span className="muted">{t("notifications.alerts.unsupported")}</span>;
    default: {
      const unreachable: never = props.permission;
      return unreachable;
    }
  }
}

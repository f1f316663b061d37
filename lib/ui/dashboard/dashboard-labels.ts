import { MODALITIES, PRIORITIES, REQUEST_TYPES, type Modality, type Priority, type RequestType } from "@/lib/domain/enums";
import type { BreakdownDimension } from "@/lib/domain/dashboard/dashboard-schemas";
import type { Translate } from "@/lib/i18n/translate";

// The words for the dashboard's keys: the server sends enum values, hours and weekdays as
// keys with an empty label (the UI translates), sites and radiologists with their names.

const includes = <T extends string>(values: readonly T[], key: string): key is T => (values as readonly string[]).includes(key);

/** "0" (Monday) .. "6" (Sunday), as the dashboard numbers weekdays. */
export function weekdayName(t: Translate, weekday: number | string): string {
  const key = String(weekday);
  return /^[0-6]$/.test(key) ? t(`dashboard.weekday.${key as "0"}`) : key;
}

export function hourRange(t: Translate, hour: number | string): string {
  const h = Number(hour);
  return t("dashboard.breakdown.hour", { hour: String(h).padStart(2, "0"), next: String((h + 1) % 24).padStart(2, "0") });
}

/** The name of a breakdown group, as a row header and in a drill-down title. */
export function groupName(t: Translate, dimension: BreakdownDimension, group: { key: string; label: string }): string {
  switch (dimension) {
    case "site":
    case "radiologist":
      return group.key === "none" || group.label === "" ? t("dashboard.breakdown.none") : group.label;
    case "priority":
      return includes<Priority>(PRIORITIES, group.key) ? t(`priority.${group.key}`) : group.key;
    case "type":
      return includes<RequestType>(REQUEST_TYPES, group.key) ? t(`requestType.${group.key}`) : group.key;
    case "modality":
      return includes<Modality>(MODALITIES, group.key) ? t(`modality.${group.key}`) : group.key;
    case "hour":
      return hourRange(t, group.key);
    case "weekday":
      return weekdayName(t, group.key);
    default: {
      const unreachable: never = dimension;
      return unreachable;
    }
  }
}

/** "87 %" (fr) / "87%" (en); "—" when nothing was judged. */
export function formatShare(share: number | null, locale: "fr" | "en"): string {
  if (share === null) return "—";
  const percent = Math.round(share * 1000) / 10;
  const text = percent.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 });
  return locale === "fr" ? `${text} %` : `${text}%`;
}

/** A decimal for the charts' tooltips (arrivals per hour, radiologists on call). */
export function formatDecimal(value: number, locale: "fr" | "en"): string {
  return value.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 });
}

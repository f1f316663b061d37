import { MODALITIES, PRIORITIES, REQUEST_TYPES, type Modality, type Priority, type RequestType } from "../enums";
import type { Translate } from "@/lib/i18n/translate";
import type { BreakdownDimension } from "./dashboard-schemas";

// The words for a breakdown group, shared by the screen and the CSV export so that both name
// a group alike. The server sends enum values, hours and weekdays as keys with an empty label
// (the reader's language decides), sites and radiologists with their names.

const includes = <T extends string>(values: readonly T[], key: string): key is T => (values as readonly string[]).includes(key);

/** "0" (Monday) .. "6" (Sunday), as the dashboard numbers weekdays; anything else as is. */
export function weekdayName(t: Translate, weekday: number | string): string {
  const key = String(weekday);
  return /^[0-6]$/.test(key) ? t(`dashboard.weekday.${key as "0"}`) : key;
}

/** An hour of arrival as the hour it spans: "08 h – 09 h" (fr), "08:00 – 09:00" (en). */
export function hourRange(t: Translate, hour: number | string): string {
  const h = Number(hour);
  if (!Number.isInteger(h) || h < 0 || h > 23) return String(hour);
  return t("dashboard.breakdown.hour", { hour: String(h).padStart(2, "0"), next: String((h + 1) % 24).padStart(2, "0") });
}

/** The name of a breakdown group: a row header, a drill-down title, a CSV cell. */
export function groupName(t: Translate, dimension: BreakdownDimension, group: { key: string; label: string }): string {
  switch (dimension) {
    case "site":
      return group.label === "" ? group.key : group.label;
    case "radiologist":
      // "none": the requests nobody claimed (the server's key for the missing radiologist).
      return group.key === "none" ? t("dashboard.breakdown.none") : group.label === "" ? group.key : group.label;
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

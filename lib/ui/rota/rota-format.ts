import { ROTA_TIME_ZONE, type LocalDate } from "@/lib/domain/rota/wall-clock";
import type { Locale } from "@/lib/i18n/types";

// Display helpers of the rota: it is written in Paris time, so it is shown in Paris time
// (the same on the server and in the browser, whatever the reader's zone).

const PALETTE = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#65a30d", "#4b5563", "#c026d3"];

/** A stable colour per radiologist: their rank in the (alphabetical) list of radiologists. */
export function colourOf(radiologistId: string, radiologistIds: readonly string[]): string {
  const index = radiologistIds.indexOf(radiologistId);
  return PALETTE[(index < 0 ? 0 : index) % PALETTE.length]!;
}

const tag = (locale: Locale) => (locale === "fr" ? "fr-FR" : "en-GB");

/** "lun. 30/11 20:00" in Paris time. */
export function formatParis(date: Date, locale: Locale): string {
  return date.toLocaleString(tag(locale), { timeZone: ROTA_TIME_ZONE, weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/** "lun. 30 nov." for a calendar day. */
export function formatDay(day: LocalDate, locale: Locale, withMonth = true): string {
  const date = new Date(`${day}T12:00:00Z`);
  return date.toLocaleDateString(tag(locale), { timeZone: "UTC", weekday: "short", day: "numeric", ...(withMonth ? { month: "short" } : {}) });
}

/** "novembre 2026" */
export function formatMonth(day: LocalDate, locale: Locale): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(tag(locale), { timeZone: "UTC", month: "long", year: "numeric" });
}

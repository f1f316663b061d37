import type { Translate } from "@/lib/i18n/translate";
import type { Locale } from "@/lib/i18n/types";

// Calendar dates ("YYYY-MM-DD", the territory's days) as a reader reads them. They are
// days, not instants: formatted in UTC so that no time zone moves them to the day before.

const TAG: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function dateOfDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "mar. 3 nov." / "Tue 3 Nov", with the year when asked ("3 nov. 2026"). */
export function formatDay(day: string, locale: Locale, options: { weekday?: boolean; year?: boolean } = {}): string {
  return dateOfDay(day).toLocaleDateString(TAG[locale], {
    weekday: options.weekday ? "short" : undefined,
    day: "numeric",
    month: "short",
    year: options.year ? "numeric" : undefined,
    timeZone: "UTC",
  });
}

/** A trend bucket by its grain: a day, "semaine du 3 nov.", "novembre 2026". */
export function formatBucket(t: Translate, locale: Locale, start: string, grain: "day" | "week" | "month", withYear: boolean): string {
  switch (grain) {
    case "day":
      return formatDay(start, locale, { weekday: true, year: withYear });
    case "week":
      return t("dashboard.charts.weekOf", { date: formatDay(start, locale, { year: withYear }) });
    case "month":
      return dateOfDay(start).toLocaleDateString(TAG[locale], { month: "long", year: "numeric", timeZone: "UTC" });
    default: {
      const unreachable: never = grain;
      return unreachable;
    }
  }
}

/** An axis tick of the trend: "3 nov." for days and weeks, "nov. 2026" for months. */
export function formatTick(date: Date, locale: Locale, grain: "day" | "week" | "month"): string {
  return grain === "month"
    ? date.toLocaleDateString(TAG[locale], { month: "short", year: "numeric", timeZone: "UTC" })
    : date.toLocaleDateString(TAG[locale], { day: "numeric", month: "short", timeZone: "UTC" });
}

/** Whether a period crosses a new year (its dates then need the year to be read). */
export function spansYears(period: { from: string; to: string }): boolean {
  return period.from.slice(0, 4) !== period.to.slice(0, 4);
}

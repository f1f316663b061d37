import type { Locale } from "@/lib/i18n/types";

// Number formats of the dashboard. The names of groups, hours and weekdays are shared with
// the CSV export: see lib/domain/dashboard/group-name.ts.

export { groupName, hourRange, weekdayName } from "@/lib/domain/dashboard/group-name";

const TAG: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

/** "87 %" (fr) / "87%" (en); "—" when nothing was judged. */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null) return "—";
  const percent = Math.round(share * 1000) / 10;
  const text = percent.toLocaleString(TAG[locale], { maximumFractionDigits: 1 });
  return locale === "fr" ? `${text} %` : `${text}%`;
}

/** A decimal for the charts (legends, tooltips): "0,6" (fr), "0.6" (en). */
export function formatDecimal(value: number, locale: Locale): string {
  return value.toLocaleString(TAG[locale], { maximumFractionDigits: 1 });
}

/**
 * A small average (arrivals per hour, radiologists on call) as a chart cell shows it: two
 * decimals under 1 so that 0.04 does not read "0" (which means none), one above.
 */
export function formatRate(value: number, locale: Locale): string {
  return value.toLocaleString(TAG[locale], { maximumFractionDigits: value > 0 && value < 1 ? 2 : 1 });
}

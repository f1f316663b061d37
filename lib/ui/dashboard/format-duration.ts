import type { Locale } from "@/lib/i18n/types";

// Durations as a department head reads them: "45 s", "23 min", "1 h 05", "2 j 3 h". The
// precision drops as the duration grows (a 2-day delay is not read to the minute), and the
// rounding happens before choosing the unit so that 59 min 40 s reads "1 h 00", not "60 min".

const DAY_UNIT: Record<Locale, string> = { fr: "j", en: "d" };

/** A duration in seconds, for tables, tooltips and axes; "—" when there is none. */
export function formatDuration(seconds: number | null | undefined, locale: Locale = "fr"): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  // Negative durations only come from clock skew; keep the sign rather than hide it.
  if (seconds < 0) return `-${formatDuration(-seconds, locale)}`;
  if (seconds < 59.5) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}`;
  const hours = Math.round(seconds / 3600);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? `${days} ${DAY_UNIT[locale]}` : `${days} ${DAY_UNIT[locale]} ${rest} h`;
}

export interface DurationUnit {
  /** Seconds per unit. */
  seconds: number;
  unit: "minutes" | "hours" | "days";
}

/** The unit a chart's duration axis reads best in, given the largest value it shows. */
export function durationUnitFor(maxSeconds: number): DurationUnit {
  if (maxSeconds <= 3 * 3600) return { seconds: 60, unit: "minutes" };
  if (maxSeconds <= 3 * 86_400) return { seconds: 3600, unit: "hours" };
  return { seconds: 86_400, unit: "days" };
}

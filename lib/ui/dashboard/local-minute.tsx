"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";

const noSubscription = () => () => undefined;

const TAG = { fr: "fr-FR", en: "en-GB" } as const;

/**
 * An instant to the minute, in the reader's time zone: "14/11/2026 04:05". With `sameDayAs`,
 * only the time when both fall on the same day ("07:00"), else the day too ("dim. 15 nov.,
 * 07:00"). As lib/ui/local-date-time.tsx does, the server (and the hydration pass) writes UTC,
 * marked as such, and the browser rewrites it in its own zone.
 */
export function LocalMinute({ date, sameDayAs }: { date: Date; sameDayAs?: Date | number }) {
  const { locale } = useI18n();
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const timeZone = inBrowser ? undefined : "UTC";
  const tag = TAG[locale];
  const dayOf = (instant: Date) => instant.toLocaleDateString(tag, { timeZone });
  let options: Intl.DateTimeFormatOptions;
  if (sameDayAs === undefined) options = { dateStyle: "short", timeStyle: "short" };
  else if (dayOf(date) === dayOf(new Date(sameDayAs))) options = { timeStyle: "short" };
  else options = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  const text = date.toLocaleString(tag, { ...options, timeZone });
  return <time dateTime={date.toISOString()}>{inBrowser ? text : `${text} UTC`}</time>;
}

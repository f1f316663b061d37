"use client";

import { useSyncExternalStore } from "react";
import { formatCalendarDate, formatDicomDa } from "@/lib/domain/calendar-date";
import { useI18n } from "@/lib/i18n/i18n-provider";

// The one place dates are written for people: instants in the reader's time zone
// (LocalDateTime), calendar days such as a birth date (CalendarDate, never shifted by a time
// zone), DICOM dates (DicomDate). Rules live in lib/domain/calendar-date.ts.

const noSubscription = () => () => undefined;

/**
 * A date in the reader's own time zone. The server does not know it, so the server (and the
 * hydration pass) writes the time in UTC, marked as such; the browser then rewrites it in
 * local time. Formatting it on both sides directly made React's hydration fail whenever the
 * browser was not in the server's time zone.
 */
export function LocalDateTime({ date, part = "dateTime" }: { date: Date; part?: "dateTime" | "time" }) {
  const { locale } = useI18n();
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  const options: Intl.DateTimeFormatOptions = part === "time" ? { timeStyle: "medium" } : { dateStyle: "short", timeStyle: "medium" };
  const text = inBrowser ? date.toLocaleString(tag, options) : `${date.toLocaleString(tag, { ...options, timeZone: "UTC" })} UTC`;
  return <time dateTime={date.toISOString()}>{text}</time>;
}

/** A calendar day ("1951-03-02"), e.g. a birth date: 02/03/1951. */
export function CalendarDate({ iso }: { iso: string }) {
  const { locale } = useI18n();
  return <time dateTime={iso}>{formatCalendarDate(iso, locale)}</time>;
}

/** A DICOM DA value ("20250523"): 23/05/2025; "—" when absent. */
export function DicomDate({ da }: { da: string | null }) {
  const { locale } = useI18n();
  return <>{formatDicomDa(da, locale) ?? "—"}</>;
}

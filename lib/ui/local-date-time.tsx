"use client";

import { useSyncExternalStore } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";

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

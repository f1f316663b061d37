// CDA timestamps (TS): YYYYMMDDHHMMSS with the UTC offset, in French legal time, because the
// DMP and the reader show the time the radiologist saw on the wall clock.

const PARIS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

/** An instant as YYYYMMDDHHMMSS+HHMM (Europe/Paris). */
export function cdaTimestamp(instant: Date): string {
  const parts = Object.fromEntries(PARIS.formatToParts(instant).map((part) => [part.type, part.value]));
  // "GMT+01:00" (or "GMT" when the offset is zero).
  const offset = /^GMT([+-])(\d{2}):(\d{2})$/.exec(parts.timeZoneName ?? "");
  const zone = offset ? `${offset[1]}${offset[2]}${offset[3]}` : "+0000";
  return `${parts.year}${parts.month}${parts.day}${parts.hour}${parts.minute}${parts.second}${zone}`;
}

/** A calendar date (stored as a DATE, read in UTC) as YYYYMMDD. */
export function cdaDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

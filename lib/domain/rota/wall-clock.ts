// The rota is written in the territory's wall-clock time (Europe/Paris): a shift "Saturday
// 08:00" starts at 08:00 in Paris whether that is UTC+1 or UTC+2. These helpers convert
// between wall-clock strings and instants with Intl only, so they run anywhere.

export const ROTA_TIME_ZONE = "Europe/Paris";

/** "YYYY-MM-DD" */
export type LocalDate = string;
/** "YYYY-MM-DDTHH:mm" */
export type LocalDateTime = string;

export const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const LOCAL_DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a zone, read as if they were UTC (ms). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at an instant, in minutes (Paris: 60 or 120). */
export function zoneOffsetMinutes(instant: Date | number, timeZone = ROTA_TIME_ZONE): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClockAsUtc(whole, timeZone) - whole) / MINUTE_MS);
}

/** Parses "YYYY-MM-DD" (a real calendar date) into UTC midnight ms, or null. */
export function parseLocalDate(value: string): number | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : null;
}

/** Parses "YYYY-MM-DDTHH:mm" into its wall-clock fields read as UTC ms, or null. */
export function parseLocalDateTime(value: string): number | null {
  const match = LOCAL_DATE_TIME_PATTERN.exec(value);
  if (!match) return null;
  const day = parseLocalDate(value.slice(0, 10));
  const [hour, minute] = [Number(match[4]), Number(match[5])];
  if (day === null || hour > 23 || minute > 59) return null;
  return day + (hour * 60 + minute) * MINUTE_MS;
}

/**
 * The instant a wall-clock time designates in the zone. A time the clocks skip (02:30 on the
 * spring-forward night) is moved forward by the gap; a time they repeat (02:30 in autumn)
 * takes the earlier instant — what a person reading the clock would expect.
 */
export function wallClockToInstant(local: LocalDateTime, timeZone = ROTA_TIME_ZONE): Date {
  const asUtc = parseLocalDateTime(local);
  if (asUtc === null) throw new RangeError(`Invalid wall-clock time: ${local}`);
  return new Date(wallClockMsToInstant(asUtc, timeZone));
}

function wallClockMsToInstant(asUtc: number, timeZone: string): number {
  const before = zoneOffsetMinutes(asUtc - DAY_MS, timeZone);
  const after = zoneOffsetMinutes(asUtc + DAY_MS, timeZone);
  // The larger offset gives the earlier instant.
  const candidates = [...new Set([before, after])].sort((a, b) => b - a);
  for (const offset of candidates) {
    const instant = asUtc - offset * MINUTE_MS;
    if (zoneOffsetMinutes(instant, timeZone) === offset) return instant;
  }
  // In a gap: keep the offset in force before it, which lands after the gap.
  return asUtc - before * MINUTE_MS;
}

export interface WallClock {
  date: LocalDate;
  time: string;
  /** 0 = Sunday ... 6 = Saturday, as Date.getDay(). */
  weekday: number;
  minutesOfDay: number;
}

/** An instant as the zone's wall-clock shows it. */
export function instantToWallClock(instant: Date, timeZone = ROTA_TIME_ZONE): WallClock {
  const asUtc = new Date(wallClockAsUtc(Math.floor(instant.getTime() / 1000) * 1000, timeZone));
  const iso = asUtc.toISOString();
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    weekday: asUtc.getUTCDay(),
    minutesOfDay: asUtc.getUTCHours() * 60 + asUtc.getUTCMinutes(),
  };
}

/** The instant as "YYYY-MM-DDTHH:mm" in the zone (what a datetime-local input shows). */
export function instantToLocalDateTime(instant: Date, timeZone = ROTA_TIME_ZONE): LocalDateTime {
  const clock = instantToWallClock(instant, timeZone);
  return `${clock.date}T${clock.time}`;
}

/** Calendar arithmetic on "YYYY-MM-DD", zone-free. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const ms = parseLocalDate(date);
  if (ms === null) throw new RangeError(`Invalid date: ${date}`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: LocalDate): number {
  const ms = parseLocalDate(date);
  if (ms === null) throw new RangeError(`Invalid date: ${date}`);
  return new Date(ms).getUTCDay();
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [msA, msB] = [parseLocalDate(a), parseLocalDate(b)];
  if (msA === null || msB === null) throw new RangeError(`Invalid date: ${a} / ${b}`);
  return Math.round((msB - msA) / DAY_MS);
}

/** The Monday of the week holding `date` (weeks run Monday to Sunday in France). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** Minutes between two wall-clock times, as the clock reads them (DST ignored). */
export function wallClockMinutesBetween(start: LocalDateTime, end: LocalDateTime): number | null {
  const [a, b] = [parseLocalDateTime(start), parseLocalDateTime(end)];
  return a === null || b === null ? null : Math.round((b - a) / MINUTE_MS);
}

/** The wall-clock time `minutes` after a wall-clock time, as the clock reads it. */
export function addWallClockMinutes(start: LocalDateTime, minutes: number): LocalDateTime {
  const ms = parseLocalDateTime(start);
  if (ms === null) throw new RangeError(`Invalid wall-clock time: ${start}`);
  return new Date(ms + minutes * MINUTE_MS).toISOString().slice(0, 16);
}

/** Midnight at the start of a local date, as an instant. */
export function startOfLocalDay(date: LocalDate, timeZone = ROTA_TIME_ZONE): Date {
  return wallClockToInstant(`${date}T00:00`, timeZone);
}

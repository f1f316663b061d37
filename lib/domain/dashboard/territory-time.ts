import { zoneOffsetMinutes } from "../rota/wall-clock";

// Local day and hour of an instant in the territory (Europe/Paris), fast enough for a year of
// requests: the zone's offset only changes on whole hours, so it is cached per UTC hour.

const offsets = new Map<number, number>();

function offsetSeconds(epochSeconds: number): number {
  const hour = Math.floor(epochSeconds / 3600);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = zoneOffsetMinutes(hour * 3_600_000) * 60;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** Days since 1970-01-01 of the instant's local calendar date. */
export function localDayOf(epochSeconds: number): number {
  return Math.floor((epochSeconds + offsetSeconds(epochSeconds)) / 86_400);
}

/** 0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00, local time. */
export function hourOfWeekOf(epochSeconds: number): number {
  const local = epochSeconds + offsetSeconds(epochSeconds);
  const day = Math.floor(local / 86_400);
  const hour = Math.floor((local - day * 86_400) / 3600);
  // 1970-01-01 was a Thursday (Monday-based weekday 3).
  return ((day + 3) % 7) * 24 + hour;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" (validated by the caller). */
export function dayNumber(localDate: string): number {
  return Math.round(Date.parse(`${localDate}T00:00:00Z`) / 86_400_000);
}

/** "YYYY-MM-DD" of a day number. */
export function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

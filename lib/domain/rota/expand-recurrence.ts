import {
  addDays,
  addWallClockMinutes,
  daysBetween,
  mondayOf,
  ROTA_TIME_ZONE,
  wallClockMinutesBetween,
  wallClockToInstant,
  weekdayOf,
  type LocalDate,
  type LocalDateTime,
} from "./wall-clock";

// Recurring shifts are expanded into concrete shifts when saved, so that "who is on call at
// t" stays a plain range query. Times are wall-clock times of the territory: a shift starting
// "Saturday 08:00" starts at 08:00 Paris time on both sides of a DST change, and so does its
// end (a 24 h weekend shift on the DST night lasts 23 or 25 real hours, handover at 08:00).

/** More would be a typing mistake (a year of daily shifts is 366). */
export const MAX_OCCURRENCES = 366;

export interface RecurrencePattern {
  /** 1 = every week, 2 = every other week... counted from the week of the first shift. */
  intervalWeeks: number;
  /** Days a shift starts on: 0 = Sunday ... 6 = Saturday. */
  weekdays: number[];
  /** The last date a shift may start on (inclusive). */
  until: LocalDate;
}

export interface ShiftTiming {
  /** The first shift's start and end, wall-clock. */
  start: LocalDateTime;
  end: LocalDateTime;
}

/** What the series row keeps: the pattern as entered, with the time of day and the duration. */
export interface StoredPattern extends RecurrencePattern {
  firstDate: LocalDate;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export class TooManyOccurrencesError extends RangeError {
  constructor(readonly count: number) {
    super(`A recurring pattern may make at most ${MAX_OCCURRENCES} shifts (${count}+)`);
  }
}

/** The wall-clock start of every occurrence, in order; stops one past the cap. */
export function occurrenceStarts(timing: ShiftTiming, recurrence: RecurrencePattern | undefined): LocalDateTime[] {
  if (!recurrence) return [timing.start];
  const firstDate = timing.start.slice(0, 10);
  const time = timing.start.slice(11, 16);
  const weekdays = new Set(recurrence.weekdays);
  const anchor = mondayOf(firstDate);
  const starts: LocalDateTime[] = [];
  const days = daysBetween(firstDate, recurrence.until);
  for (let offset = 0; offset <= days && starts.length <= MAX_OCCURRENCES; offset++) {
    const date = addDays(firstDate, offset);
    const week = Math.floor(daysBetween(anchor, date) / 7);
    if (week % recurrence.intervalWeeks === 0 && weekdays.has(weekdayOf(date))) starts.push(`${date}T${time}`);
  }
  return starts;
}

/** The concrete shifts a timing and an optional pattern make, as instants. */
export function expandRecurrence(timing: ShiftTiming, recurrence?: RecurrencePattern, timeZone = ROTA_TIME_ZONE): Occurrence[] {
  const duration = wallClockMinutesBetween(timing.start, timing.end);
  if (duration === null || duration <= 0) throw new RangeError("A shift ends after it starts");
  const starts = occurrenceStarts(timing, recurrence);
  if (starts.length > MAX_OCCURRENCES) throw new TooManyOccurrencesError(starts.length);
  return starts.map((start) => ({
    startsAt: wallClockToInstant(start, timeZone),
    endsAt: wallClockToInstant(addWallClockMinutes(start, duration), timeZone),
  }));
}

export function storedPattern(timing: ShiftTiming, recurrence: RecurrencePattern, timeZone = ROTA_TIME_ZONE): StoredPattern {
  return {
    intervalWeeks: recurrence.intervalWeeks,
    weekdays: [...recurrence.weekdays],
    until: recurrence.until,
    firstDate: timing.start.slice(0, 10),
    startTime: timing.start.slice(11, 16),
    durationMinutes: wallClockMinutesBetween(timing.start, timing.end) ?? 0,
    timeZone,
  };
}

import { addDays, instantToWallClock, mondayOf, startOfLocalDay, type LocalDate } from "./wall-clock";

// The days a week or month view shows, and where a shift falls in them, in the rota's zone.

export type CalendarMode = "week" | "month";

/** Monday to Sunday of the week holding `anchor`, or the whole weeks covering its month. */
export function calendarDays(mode: CalendarMode, anchor: LocalDate): LocalDate[] {
  if (mode === "week") return Array.from({ length: 7 }, (_, i) => addDays(mondayOf(anchor), i));
  const first = `${anchor.slice(0, 8)}01`;
  const start = mondayOf(first);
  const nextMonth = addDays(first, 32).slice(0, 8) + "01";
  const days: LocalDate[] = [];
  for (let day = start; day < nextMonth || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The instants [from, to) the days cover. */
export function calendarWindow(days: readonly LocalDate[]): { from: Date; to: Date } {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) throw new RangeError("No days");
  return { from: startOfLocalDay(first), to: startOfLocalDay(addDays(last, 1)) };
}

/** The anchor moved by one view (a week or a month) forwards or backwards. */
export function shiftAnchor(mode: CalendarMode, anchor: LocalDate, step: 1 | -1): LocalDate {
  if (mode === "week") return addDays(anchor, 7 * step);
  const [year, month] = [Number(anchor.slice(0, 4)), Number(anchor.slice(5, 7))];
  const index = year * 12 + (month - 1) + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** Whether [startsAt, endsAt) crosses the local day. */
export function crossesDay(span: { startsAt: Date; endsAt: Date }, day: LocalDate): boolean {
  return span.startsAt < startOfLocalDay(addDays(day, 1)) && span.endsAt > startOfLocalDay(day);
}

/** "08:00" when the span starts that day, "…" when it started before. */
export function startLabelOn(span: { startsAt: Date }, day: LocalDate): string {
  const clock = instantToWallClock(span.startsAt);
  return clock.date === day ? clock.time : "…";
}

/** "20:00" when the span ends that day (or at its midnight), "…" when it goes on. */
export function endLabelOn(span: { endsAt: Date }, day: LocalDate): string {
  const clock = instantToWallClock(span.endsAt);
  if (clock.date === day) return clock.time;
  if (clock.date === addDays(day, 1) && clock.minutesOfDay === 0) return "24:00";
  return "…";
}

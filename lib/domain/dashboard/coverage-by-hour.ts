import { hourOfWeekOf } from "./territory-time";

// On-call coverage by hour of the week over a period: for each local (weekday, hour), the
// average number of radiologists on call, to set against the arrivals in the same hour.

export interface CoverageShift {
  radiologistId: string;
  startsAt: number;
  endsAt: number;
}

/**
 * How many times each local (weekday, hour) occurs in [fromS, toS) (epoch seconds, whole
 * hours): counted on real hours, so the night the clocks change counts 23 or 25 of them.
 */
export function hourOccurrences(fromS: number, toS: number): Uint32Array {
  const occurrences = new Uint32Array(168);
  for (let hour = Math.ceil(fromS / 3600) * 3600; hour < toS; hour += 3600) occurrences[hourOfWeekOf(hour)]! += 1;
  return occurrences;
}

/**
 * Radiologists on call per hour of the week, averaged over the period. A radiologist counts
 * once per hour they are on call at the start of it (two overlapping shifts count once); times
 * are epoch seconds, the period's bounds [fromS, toS).
 */
export function onCallByHour(shifts: readonly CoverageShift[], fromS: number, toS: number, occurrences: Uint32Array): number[] {
  const totals = new Float64Array(168);
  const seen = new Set<string>();
  for (const shift of shifts) {
    const first = Math.ceil(Math.max(shift.startsAt, fromS) / 3600) * 3600;
    for (let hour = first; hour < Math.min(shift.endsAt, toS); hour += 3600) {
      const slot = `${shift.radiologistId}:${hour}`;
      if (seen.has(slot)) continue;
      seen.add(slot);
      totals[hourOfWeekOf(hour)]! += 1;
    }
  }
  return Array.from(totals, (total, cell) => (occurrences[cell] ? total / occurrences[cell]! : 0));
}

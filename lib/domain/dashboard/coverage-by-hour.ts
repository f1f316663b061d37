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
 * once per hour they are on call at the start of it (overlapping shifts of one radiologist are
 * merged first); times are epoch seconds, the period's bounds [fromS, toS).
 */
export function onCallByHour(shifts: readonly CoverageShift[], fromS: number, toS: number, occurrences: Uint32Array): number[] {
  const totals = new Float64Array(168);
  const byRadiologist = new Map<string, CoverageShift[]>();
  for (const shift of shifts) {
    const list = byRadiologist.get(shift.radiologistId);
    if (list) list.push(shift);
    else byRadiologist.set(shift.radiologistId, [shift]);
  }
  for (const list of byRadiologist.values()) {
    list.sort((a, b) => a.startsAt - b.startsAt);
    // The next hour not yet counted for this radiologist: merged shifts never count one twice.
    let counted = -Infinity;
    for (const shift of list) {
      const first = Math.max(counted, Math.ceil(Math.max(shift.startsAt, fromS) / 3600) * 3600);
      const end = Math.min(shift.endsAt, toS);
      for (let hour = first; hour < end; hour += 3600) totals[hourOfWeekOf(hour)]! += 1;
      counted = Math.max(counted, first, Math.ceil(end / 3600) * 3600);
    }
  }
  return Array.from(totals, (total, cell) => (occurrences[cell] ? total / occurrences[cell]! : 0));
}

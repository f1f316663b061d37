import { percentileRank } from "./percentile";

// Durations counted in buckets, so that a year of a busy territory is summarised in one pass
// without keeping or sorting the values. The buckets are exact to the second under 10 minutes,
// to 10 seconds under 2 hours, to the minute under 48 hours, to 10 minutes under 7 days and to
// the day beyond (up to 120 days, then one last bucket): a percentile read from here is the
// observed duration floored to that resolution. Small enough (under 20 kB) to stay in cache
// while a million requests are counted.

// Bands: [from, to) in seconds and the bucket width in each.
const TEN_MINUTES = 600;
const TWO_HOURS = 7200;
const TWO_DAYS = 48 * 3600;
const A_WEEK = 7 * 86_400;
const LIMIT = 120 * 86_400;
// First bucket of each band.
const TEN_SECOND_START = TEN_MINUTES;
const MINUTE_START = TEN_SECOND_START + (TWO_HOURS - TEN_MINUTES) / 10;
const TEN_MINUTE_START = MINUTE_START + (TWO_DAYS - TWO_HOURS) / 60;
const DAY_START = TEN_MINUTE_START + (A_WEEK - TWO_DAYS) / 600;
const OVERFLOW = DAY_START + (LIMIT - A_WEEK) / 86_400;
export const HISTOGRAM_BUCKETS = OVERFLOW + 1;

/**
 * The bucket of a duration in seconds (negative durations, from clock skew, count as 0). Called
 * for every segment of every request of the period: plain comparisons and integer divisions.
 */
export function bucketOf(seconds: number): number {
  // Whole seconds as 32-bit integers: the divisions by constants compile to multiplications.
  const s = seconds < 0 ? 0 : seconds < LIMIT ? seconds | 0 : LIMIT;
  if (s < TEN_MINUTES) return s;
  if (s < TWO_HOURS) return TEN_SECOND_START + (((s - TEN_MINUTES) / 10) | 0);
  if (s < TWO_DAYS) return MINUTE_START + (((s - TWO_HOURS) / 60) | 0);
  if (s < A_WEEK) return TEN_MINUTE_START + (((s - TWO_DAYS) / 600) | 0);
  if (s < LIMIT) return DAY_START + (((s - A_WEEK) / 86_400) | 0);
  return OVERFLOW;
}

/** The smallest duration (seconds) of a bucket. */
export function bucketFloor(bucket: number): number {
  if (bucket < TEN_SECOND_START) return bucket;
  if (bucket < MINUTE_START) return TEN_MINUTES + (bucket - TEN_SECOND_START) * 10;
  if (bucket < TEN_MINUTE_START) return TWO_HOURS + (bucket - MINUTE_START) * 60;
  if (bucket < DAY_START) return TWO_DAYS + (bucket - TEN_MINUTE_START) * 600;
  if (bucket < OVERFLOW) return A_WEEK + (bucket - DAY_START) * 86_400;
  return LIMIT;
}

export class DurationHistogram {
  /** Counts per bucket; may be a view on a larger array (the dashboard fills them in bulk). */
  readonly counts: Uint32Array;
  count: number;

  constructor(counts: Uint32Array = new Uint32Array(HISTOGRAM_BUCKETS), count = 0) {
    this.counts = counts;
    this.count = count;
  }

  add(seconds: number): void {
    this.counts[bucketOf(seconds)]! += 1;
    this.count += 1;
  }

  /** Nearest-rank percentile (see percentile.ts), at the bucket's resolution; null when empty. */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = percentileRank(this.count, p);
    let seen = 0;
    for (let bucket = 0; bucket < HISTOGRAM_BUCKETS; bucket += 1) {
      seen += this.counts[bucket]!;
      if (seen >= rank) return bucketFloor(bucket);
    }
    return bucketFloor(HISTOGRAM_BUCKETS - 1);
  }

  /** Counts per display bin [from, to) in seconds, the last bin open-ended. */
  bins(edges: readonly number[]): number[] {
    const out = new Array<number>(edges.length).fill(0);
    let edge = 0;
    for (let bucket = 0; bucket < HISTOGRAM_BUCKETS; bucket += 1) {
      const n = this.counts[bucket]!;
      if (n === 0) continue;
      const floor = bucketFloor(bucket);
      while (edge + 1 < edges.length && floor >= edges[edge + 1]!) edge += 1;
      if (floor >= edges[0]!) out[edge]! += n;
    }
    return out;
  }
}

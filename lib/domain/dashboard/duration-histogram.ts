import { percentileRank } from "./percentile";

// Durations counted in buckets, so that a year of a busy territory is summarised in one pass
// without keeping or sorting the values. The buckets are exact to the second under 2 hours,
// to the minute under 48 hours and to the hour beyond (up to 120 days, then one last bucket):
// a percentile read from here is the observed duration floored to that resolution.

const SECOND_LIMIT = 7200;
const MINUTE_LIMIT = 48 * 3600;
const HOUR_LIMIT = 120 * 86_400;
const MINUTE_BUCKETS = (MINUTE_LIMIT - SECOND_LIMIT) / 60;
const HOUR_BUCKETS = (HOUR_LIMIT - MINUTE_LIMIT) / 3600;
export const HISTOGRAM_BUCKETS = SECOND_LIMIT + MINUTE_BUCKETS + HOUR_BUCKETS + 1;

/** The bucket of a duration in seconds (negative durations, from clock skew, count as 0). */
export function bucketOf(seconds: number): number {
  const s = seconds < 0 ? 0 : Math.floor(seconds);
  if (s < SECOND_LIMIT) return s;
  if (s < MINUTE_LIMIT) return SECOND_LIMIT + Math.floor((s - SECOND_LIMIT) / 60);
  if (s < HOUR_LIMIT) return SECOND_LIMIT + MINUTE_BUCKETS + Math.floor((s - MINUTE_LIMIT) / 3600);
  return HISTOGRAM_BUCKETS - 1;
}

/** The smallest duration (seconds) of a bucket. */
export function bucketFloor(bucket: number): number {
  if (bucket < SECOND_LIMIT) return bucket;
  if (bucket < SECOND_LIMIT + MINUTE_BUCKETS) return SECOND_LIMIT + (bucket - SECOND_LIMIT) * 60;
  if (bucket < HISTOGRAM_BUCKETS - 1) return MINUTE_LIMIT + (bucket - SECOND_LIMIT - MINUTE_BUCKETS) * 3600;
  return HOUR_LIMIT;
}

export class DurationHistogram {
  readonly counts = new Uint32Array(HISTOGRAM_BUCKETS);
  count = 0;
  sum = 0;

  add(seconds: number): void {
    this.counts[bucketOf(seconds)]! += 1;
    this.count += 1;
    this.sum += seconds;
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

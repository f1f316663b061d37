// How long open requests have been waiting since submission, in the board's five age bands.
// A band holds ages from the previous band's bound (included) up to its own (excluded):
// exactly 15 minutes old is "15–60 min".

export const AGE_BUCKETS = ["UNDER_15M", "UNDER_1H", "UNDER_4H", "UNDER_24H", "OVER_24H"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Upper bound (excluded) of each band but the last, in milliseconds of age. */
const UPPER_BOUNDS_MS: readonly number[] = [15 * MINUTE_MS, HOUR_MS, 4 * HOUR_MS, 24 * HOUR_MS];

/** The band of a request `ageMs` old (a negative age, from a clock ahead of ours, is the youngest). */
export function ageBucketOf(ageMs: number): AgeBucket {
  const index = UPPER_BOUNDS_MS.findIndex((bound) => ageMs < bound);
  return AGE_BUCKETS[index === -1 ? AGE_BUCKETS.length - 1 : index] ?? "OVER_24H";
}

/**
 * The same rule as submission instants, for a query: a request submitted strictly after
 * `cutoffs[i]` is younger than band i's bound, so it falls in band i or a younger one.
 */
export function ageBucketCutoffs(now: Date): Date[] {
  return UPPER_BOUNDS_MS.map((bound) => new Date(now.getTime() - bound));
}

/** A count per band, all zero. */
export function emptyAgeCounts(): Record<AgeBucket, number> {
  return { UNDER_15M: 0, UNDER_1H: 0, UNDER_4H: 0, UNDER_24H: 0, OVER_24H: 0 };
}

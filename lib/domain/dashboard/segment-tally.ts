import { bucketOf, DurationHistogram, HISTOGRAM_BUCKETS } from "./duration-histogram";
import { SegmentAccumulator } from "./segment-accumulator";
import { scratch } from "./scratch";

// The dashboard's counting in flat typed arrays: for each cell (a breakdown group, a trend
// point) and each segment, a histogram of durations and four counters. The same rules as
// SegmentAccumulator, laid out so that a million requests are counted without allocating.

export const COMPLETED = 0;
export const OPEN = 1;
export const WITHIN = 2;
export const JUDGED = 3;

export class SegmentTally {
  private readonly histograms: Uint32Array;
  /** Four counters per (cell, segment): completed, open, within, judged. */
  readonly counters: Uint32Array;

  /** `name` picks the reused working memory (scratch.ts): a tally lives until the next one of that name. */
  constructor(
    name: string,
    readonly cells: number,
    readonly segments: number,
  ) {
    this.histograms = scratch(`${name}:histograms`, cells * segments * HISTOGRAM_BUCKETS);
    this.counters = scratch(`${name}:counters`, cells * segments * 4);
  }

  /** The cell's histograms, one after the other per segment (HISTOGRAM_BUCKETS each). */
  histogramOf(cell: number): Uint32Array {
    const size = this.segments * HISTOGRAM_BUCKETS;
    return this.histograms.subarray(cell * size, (cell + 1) * size);
  }

  completed(cell: number, segment: number, durationS: number, targetS: number): void {
    this.histograms[(cell * this.segments + segment) * HISTOGRAM_BUCKETS + bucketOf(durationS)]! += 1;
    const at = (cell * this.segments + segment) * 4;
    this.counters[at + COMPLETED]! += 1;
    this.counters[at + JUDGED]! += 1;
    if (durationS <= targetS) this.counters[at + WITHIN]! += 1;
  }

  stillOpen(cell: number, segment: number, elapsedS: number, targetS: number): void {
    const at = (cell * this.segments + segment) * 4;
    this.counters[at + OPEN]! += 1;
    if (elapsedS > targetS) this.counters[at + JUDGED]! += 1;
  }

  /** Was anything counted in this cell, for any segment? */
  has(cell: number): boolean {
    for (let at = cell * this.segments * 4; at < (cell + 1) * this.segments * 4; at += 1) if (this.counters[at] !== 0) return true;
    return false;
  }

  accumulator(cell: number, segment: number): SegmentAccumulator {
    const at = (cell * this.segments + segment) * 4;
    const from = (cell * this.segments + segment) * HISTOGRAM_BUCKETS;
    const counts = this.histograms.subarray(from, from + HISTOGRAM_BUCKETS);
    return new SegmentAccumulator(new DurationHistogram(counts, this.counters[at + COMPLETED]!), this.counters[at + OPEN]!, this.counters[at + WITHIN]!, this.counters[at + JUDGED]!);
  }
}

import { bucketOf, DurationHistogram, HISTOGRAM_BUCKETS } from "./duration-histogram";
import { SegmentAccumulator } from "./segment-accumulator";

// The dashboard's counting in flat typed arrays: for each cell (a breakdown group, a trend
// point) and each segment, a histogram of durations and four counters. The same rules as
// SegmentAccumulator, laid out so that a million requests are counted without allocating.

export const COMPLETED = 0;
export const OPEN = 1;
export const WITHIN = 2;
export const JUDGED = 3;

export class SegmentTally {
  private readonly histograms: (Uint32Array | undefined)[];
  /** Four counters per (cell, segment): completed, open, within, judged. */
  readonly counters: Uint32Array;

  constructor(
    readonly cells: number,
    readonly segments: number,
  ) {
    this.histograms = new Array<Uint32Array | undefined>(cells);
    this.counters = new Uint32Array(cells * segments * 4);
  }

  /** The cell's histograms, one after the other per segment (HISTOGRAM_BUCKETS each). */
  histogramOf(cell: number): Uint32Array {
    return (this.histograms[cell] ??= new Uint32Array(this.segments * HISTOGRAM_BUCKETS));
  }

  completed(cell: number, segment: number, durationS: number, targetS: number): void {
    const histogram = this.histogramOf(cell);
    histogram[segment * HISTOGRAM_BUCKETS + bucketOf(durationS)]! += 1;
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
    const histogram = this.histograms[cell];
    const counts = histogram ? histogram.subarray(segment * HISTOGRAM_BUCKETS, (segment + 1) * HISTOGRAM_BUCKETS) : new Uint32Array(HISTOGRAM_BUCKETS);
    return new SegmentAccumulator(new DurationHistogram(counts, this.counters[at + COMPLETED]!), this.counters[at + OPEN]!, this.counters[at + WITHIN]!, this.counters[at + JUDGED]!);
  }

  /** One segment summed over every cell. */
  total(segment: number): SegmentAccumulator {
    const counts = new Uint32Array(HISTOGRAM_BUCKETS);
    const sums = [0, 0, 0, 0];
    for (let cell = 0; cell < this.cells; cell += 1) {
      const histogram = this.histograms[cell];
      if (histogram) {
        const offset = segment * HISTOGRAM_BUCKETS;
        for (let bucket = 0; bucket < HISTOGRAM_BUCKETS; bucket += 1) counts[bucket]! += histogram[offset + bucket]!;
      }
      const at = (cell * this.segments + segment) * 4;
      for (let k = 0; k < 4; k += 1) sums[k]! += this.counters[at + k]!;
    }
    return new SegmentAccumulator(new DurationHistogram(counts, sums[COMPLETED]!), sums[OPEN]!, sums[WITHIN]!, sums[JUDGED]!);
  }
}

import { DurationHistogram } from "./duration-histogram";
import type { SegmentFigures } from "./dashboard-view";
import type { Segment } from "./segments";

/**
 * The figures of one segment over a set of requests. A request that went through the segment
 * counts in the percentiles and is judged against its target. A request still inside it (open)
 * is not in the percentiles: it is judged only once it has overrun its target, because by then
 * it has missed whatever happens next; before that, nobody knows yet.
 */
export class SegmentAccumulator {
  constructor(
    readonly histogram = new DurationHistogram(),
    public open = 0,
    public within = 0,
    public judged = 0,
  ) {}

  completed(durationS: number, targetS: number): void {
    this.histogram.add(durationS);
    this.judged += 1;
    if (durationS <= targetS) this.within += 1;
  }

  stillOpen(elapsedS: number, targetS: number): void {
    this.open += 1;
    if (elapsedS > targetS) this.judged += 1;
  }

  figures(segment: Segment): SegmentFigures {
    return {
      segment,
      count: this.histogram.count,
      open: this.open,
      median: this.histogram.percentile(50),
      p90: this.histogram.percentile(90),
      within: this.within,
      judged: this.judged,
      share: this.judged === 0 ? null : this.within / this.judged,
    };
  }
}

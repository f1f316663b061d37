import type { SequencedHint } from "@/lib/domain/realtime-hints";

/**
 * Tracks the last sequence number seen per room. A hint that does not follow the previous
 * one of its room means hints were missed (or the server restarted): the caller refetches all.
 */
export class HintSequenceTracker {
  private readonly last = new Map<string, number>();

  reset(rooms: Record<string, number>): void {
    this.last.clear();
    for (const [room, seq] of Object.entries(rooms)) this.last.set(room, seq);
  }

  /** true when the hint is the next one of its room; false on a gap or an unknown room. */
  accept(hint: SequencedHint): boolean {
    const previous = this.last.get(hint.room);
    this.last.set(hint.room, hint.seq);
    return previous !== undefined && hint.seq === previous + 1;
  }
}

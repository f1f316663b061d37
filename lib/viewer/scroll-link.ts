// Linked scrolling of a current study and a prior: pure index arithmetic. At link time both
// stand at the same relative level; from then on they move slice for slice, so the reader
// can first align the anatomy by hand, then link.

export interface ScrollLink {
  /** Index in the second stack minus index in the first. */
  offset: number;
}

/** The link, and where the second stack goes, when two stacks are linked. */
export function linkStacks(firstIndex: number, firstCount: number, secondCount: number): { link: ScrollLink; secondIndex: number } {
  const fraction = firstIndex / Math.max(1, firstCount - 1);
  const secondIndex = Math.round(fraction * Math.max(0, secondCount - 1));
  return { link: { offset: secondIndex - firstIndex }, secondIndex };
}

/** Where the other stack goes when one moved (`moved` 0 = first stack, 1 = second). */
export function followIndex(link: ScrollLink, moved: 0 | 1, movedIndex: number, otherCount: number): number {
  const wanted = movedIndex + (moved === 0 ? link.offset : -link.offset);
  return Math.max(0, Math.min(otherCount - 1, wanted));
}

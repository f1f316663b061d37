export type Direction = "up" | "down";

/** Whether the item at `index` can move one place in `direction` (not past either end). */
export function canMove(length: number, index: number, direction: Direction): boolean {
  return direction === "up" ? index > 0 && index < length : index >= 0 && index < length - 1;
}

/** A copy with the item at `index` swapped with its neighbour; the same order at the ends. */
export function moveItem<T>(items: readonly T[], index: number, direction: Direction): T[] {
  const copy = [...items];
  if (!canMove(items.length, index, direction)) return copy;
  const other = direction === "up" ? index - 1 : index + 1;
  [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  return copy;
}

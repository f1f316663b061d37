"use client";

import { useNow } from "../use-now";

/** Ages and remaining times move on screen at this pace, without refetching. */
export const BOARD_TICK_MS = 30_000;

/**
 * The board's "now" in milliseconds: the server's instant of computation, plus the time
 * elapsed since the data arrived (by the browser's clock, so a skewed clock does not shift
 * deadlines). The server render and hydration show the server's instant exactly, so the
 * markup matches; the browser then ticks every 30 s.
 */
export function useBoardClock(generatedAt: Date, receivedAt: number): number {
  // The server render and hydration read `receivedAt` back: the server's instant exactly.
  const now = useNow(BOARD_TICK_MS, receivedAt);
  return generatedAt.getTime() + Math.max(0, now - receivedAt);
}

import { performance } from "node:perf_hooks";

/**
 * Milliseconds since the epoch at sub-millisecond resolution. Unlike performance.now() alone,
 * it compares across worker threads (each has its own timeOrigin), which the referrer uses.
 */
export const clock = (): number => performance.timeOrigin + performance.now();

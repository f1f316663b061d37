// Timing of in-process service calls for the dashboard bench: server time is the wall time of
// the use case (its SQL round trips and its computation), without HTTP or serialization.
import { percentile, round } from "./report";

export interface Samples {
  /** Milliseconds, ascending. */
  sorted: number[];
  p50: number;
  p95: number;
  max: number;
}

export function summarise(samples: number[]): Samples {
  const sorted = [...samples].sort((a, b) => a - b);
  return { sorted, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

export async function timeOnce<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** `warmup` unmeasured calls, then `runs` measured ones, one after the other. */
export async function timeRuns(fn: () => Promise<unknown>, options: { warmup: number; runs: number }): Promise<Samples> {
  for (let i = 0; i < options.warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push((await timeOnce(fn)).ms);
  return summarise(samples);
}

/** JavaScript heap and array buffers (the index's typed arrays live there), in bytes. */
export function heapBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

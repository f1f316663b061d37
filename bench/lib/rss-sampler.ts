// Resident memory of several processes sampled every `intervalMs` (VmRSS from /proc), each
// sample filed under the phase the bench is in; samples outside any phase are not kept.
import { statusBytes } from "./proc-stats";

interface Tally {
  max: number;
  sum: number;
  count: number;
  /** Every sample (a few thousand over a run at most), for the median. */
  values: number[];
}

export class RssSampler<Name extends string> {
  private readonly tallies = new Map<string, Tally>();
  private current: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pids: Record<Name, number>,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Samples from now on belong to `phase` (null: not kept). Takes one sample at once. */
  phase(phase: string | null): void {
    this.current = phase;
    this.sample();
  }

  /** Highest sample of a process, over the given phases (default: every phase). */
  maxBytes(name: Name, phases?: readonly string[]): number {
    return this.select(name, phases).reduce((max, tally) => Math.max(max, tally.max), 0);
  }

  meanBytes(name: Name, phases?: readonly string[]): number {
    const tallies = this.select(name, phases);
    const count = tallies.reduce((sum, tally) => sum + tally.count, 0);
    return count === 0 ? Number.NaN : tallies.reduce((sum, tally) => sum + tally.sum, 0) / count;
  }

  /** Median sample: the steady level of a phase, its short peaks aside. */
  medianBytes(name: Name, phases?: readonly string[]): number {
    const values = this.select(name, phases).flatMap((tally) => tally.values).sort((a, b) => a - b);
    return values.length === 0 ? Number.NaN : (values[Math.floor(values.length / 2)] ?? Number.NaN);
  }

  samples(name: Name, phases?: readonly string[]): number {
    return this.select(name, phases).reduce((sum, tally) => sum + tally.count, 0);
  }

  private select(name: Name, phases?: readonly string[]): Tally[] {
    const prefix = `${name}\u0000`;
    return [...this.tallies.entries()]
      .filter(([key]) => key.startsWith(prefix) && (phases === undefined || phases.includes(key.slice(prefix.length))))
      .map(([, tally]) => tally);
  }

  private sample(): void {
    if (this.current === null) return;
    for (const name of Object.keys(this.pids) as Name[]) {
      const bytes = statusBytes(this.pids[name], "VmRSS");
      if (bytes === 0) continue; // exited
      const key = `${name}\u0000${this.current}`;
      const tally = this.tallies.get(key) ?? { max: 0, sum: 0, count: 0, values: [] };
      tally.max = Math.max(tally.max, bytes);
      tally.sum += bytes;
      tally.count++;
      tally.values.push(bytes);
      this.tallies.set(key, tally);
    }
  }
}

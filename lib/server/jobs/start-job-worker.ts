import "server-only";
import type { Db } from "../db/client";
import type { JobHandlers } from "./job-handler";
import { runDueJobs } from "./run-due-jobs";

export interface JobWorker {
  /** Run now rather than at the next poll (a job was just scheduled for now). */
  wake(): void;
  /** Stops polling; resolves once the batch under way has finished. */
  stop(): Promise<void>;
}

/**
 * Polls the job table every `intervalMs` (and whenever woken), running due jobs in batches
 * until none is left. One batch at a time per process; several processes share the table
 * safely (SKIP LOCKED). The clock is injected so that tests can move time.
 */
export function startJobWorker(options: {
  db: Db;
  log: (line: string) => void;
  intervalMs?: number;
  clock?: () => Date;
  batchSize?: number;
  handlers?: JobHandlers;
}): JobWorker {
  const { db, log } = options;
  const intervalMs = options.intervalMs ?? 1000;
  const clock = options.clock ?? (() => new Date());
  const limit = options.batchSize ?? 20;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref();
  };

  function tick(): void {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => log(`job worker: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(intervalMs);
      });
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const result = await runDueJobs({ db, now: clock(), limit, ...(options.handlers ? { handlers: options.handlers } : {}) });
      if (result.failed > 0) log(`job worker: ${result.failed} job(s) failed for good (see Job.lastError)`);
      if (result.taken < limit) return;
    }
  }

  schedule(0);
  return {
    wake: () => schedule(0),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

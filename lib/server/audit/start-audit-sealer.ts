import "server-only";
import type { Db } from "../db/client";
import { sealAuditLog, type SealerState } from "./seal-audit-log";

// Every row is linked within about a second of its commit (more while a gap is being proven
// empty: at most as long as the oldest open transaction, GAP_MAX_WAIT_MS at worst).
const EVERY_MS = 1_000;

export interface AuditSealer {
  /** Stops the timer and links what has committed so far (shutdown, after the last writes). */
  stop: () => Promise<void>;
}

export function startAuditSealer(db: Db, log: (line: string) => void): AuditSealer {
  const state: SealerState = { gapWatch: null };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const pass = async (): Promise<void> => {
    try {
      for (;;) {
        const result = await sealAuditLog(db, state);
        if (result.forcedGap !== null) log(`audit chain: id ${result.forcedGap} sealed as a gap after waiting for an open transaction; a row committed there later will show as out of chain`);
        if (!result.more) return;
      }
    } catch (error) {
      log(`audit chain: sealing failed, will retry: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(schedule);
    }, EVERY_MS);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await pass();
    },
  };
}

import "server-only";
import type { Db } from "../../db/client";
import { completeQuietStudies } from "./complete-study-images";

/** Checks every few seconds for studies that have gone quiet and completes them. */
export function startImageCompletionSweeper(db: Db, quietSeconds: number, log: (line: string) => void): { stop: () => void } {
  const every = Math.max(1000, Math.min(10_000, (quietSeconds * 1000) / 4));
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    completeQuietStudies({ db, quietSeconds })
      .catch((error: unknown) => log(`image completion sweep failed: ${String(error)}`))
      .finally(() => {
        running = false;
      });
  }, every);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

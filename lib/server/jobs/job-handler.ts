import "server-only";
import type { Db } from "../db/client";
import type { JobKind, JobPayloads } from "./job-kinds";

export interface JobContext {
  db: Db;
  /** The runner's clock: handlers use it instead of new Date(), so tests control time. */
  now: Date;
  job: { id: bigint; runAt: Date; attempts: number };
}

/** Re-entrant: running it twice, or again after a crash, changes nothing the first run did not. */
export type JobHandler<K extends JobKind> = (payload: JobPayloads[K], context: JobContext) => Promise<void>;

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

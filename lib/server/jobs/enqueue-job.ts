import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../db/client";
import type { JobKind, JobPayloads } from "./job-kinds";

export interface JobRequest<K extends JobKind> {
  kind: K;
  payload: JobPayloads[K];
  runAt: Date;
  /** Scheduling twice with the same key keeps the first job: scheduling is idempotent. */
  dedupeKey: string;
}

/**
 * Schedules a job in the caller's transaction, so that a job exists if and only if the change
 * that needs it committed.
 */
export async function enqueueJob<K extends JobKind>(tx: Tx, job: JobRequest<K>): Promise<void> {
  await tx.job.createMany({
    data: [{ kind: job.kind, payload: job.payload as unknown as Prisma.InputJsonValue, runAt: job.runAt, dedupeKey: job.dedupeKey }],
    skipDuplicates: true,
  });
}

import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db/client";
import type { JobContext, JobHandlers } from "./job-handler";
import { JOB_HANDLERS } from "./job-handlers";
import type { JobKind } from "./job-kinds";

// Why a table and FOR UPDATE SKIP LOCKED rather than pg-boss: the jobs are few (a handful per
// request), they must be scheduled in the same transaction as the change that needs them
// (enqueue-job.ts), and tests must drive time: every query here takes `now` from the caller,
// whereas pg-boss reads PostgreSQL's clock. The Job table, one index and two statements are
// all it takes, and they survive a restart like any other row.

export interface RunDueJobsOptions {
  db: Db;
  now: Date;
  /** At most this many jobs per call. */
  limit?: number;
  handlers?: JobHandlers;
  /** How long a taken job is reserved: after that (a crashed runner), another runner retakes it. */
  leaseMs?: number;
  /** After this many failed attempts a job is FAILED and kept with its last error. */
  maxAttempts?: number;
  /** Only these jobs (an operator's "run now", tests that share a database with others). */
  jobIds?: readonly bigint[];
}

export interface RunDueJobsResult {
  taken: number;
  done: number;
  retried: number;
  failed: number;
}

interface TakenJob {
  id: bigint;
  kind: string;
  payload: unknown;
  runAt: Date;
  attempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_MS = 5 * 60_000;

/** Retry delay after the n-th failed attempt: 10 s, 20 s, 40 s... at most 10 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

/**
 * Takes the due jobs (PENDING, runAt <= now, lease free), runs each with its handler, and
 * records the outcome. Taking is one statement: SKIP LOCKED lets several runners (processes)
 * share the table without waiting on each other, and the lease (lockedUntil) keeps a taken
 * job from being taken again while it runs, without holding a transaction open meanwhile.
 */
export async function runDueJobs(options: RunDueJobsOptions): Promise<RunDueJobsResult> {
  const { db, now } = options;
  const handlers = options.handlers ?? JOB_HANDLERS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const jobs = await takeDueJobs(db, now, options.limit ?? 20, options.leaseMs ?? DEFAULT_LEASE_MS, Object.keys(handlers), options.jobIds);

  const result: RunDueJobsResult = { taken: jobs.length, done: 0, retried: 0, failed: 0 };
  for (const job of jobs) {
    const context: JobContext = { db, now, job: { id: job.id, runAt: job.runAt, attempts: job.attempts } };
    try {
      await dispatch(handlers, job, context);
      // Conditional on the attempt we took: a runner that overran its lease does not overwrite a retake.
      await db.job.updateMany({ where: { id: job.id, attempts: job.attempts, state: "PENDING" }, data: { state: "DONE", doneAt: now, lockedUntil: null } });
      result.done++;
    } catch (error) {
      const lastError = describe(error).slice(0, 2000);
      const giveUp = job.attempts >= maxAttempts;
      await db.job.updateMany({
        where: { id: job.id, attempts: job.attempts, state: "PENDING" },
        data: giveUp
          ? { state: "FAILED", lockedUntil: null, lastError }
          : { runAt: new Date(now.getTime() + retryDelayMs(job.attempts)), lockedUntil: null, lastError },
      });
      if (giveUp) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

async function takeDueJobs(db: Db, now: Date, limit: number, leaseMs: number, kinds: string[], jobIds: readonly bigint[] | undefined): Promise<TakenJob[]> {
  // Timestamps are stored as UTC wall time (timestamp without time zone), as Prisma writes them.
  const at = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const leaseUntil = Prisma.sql`(${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const onlyIds = jobIds ? Prisma.sql`AND "id" = ANY(${jobIds.map(String)}::bigint[])` : Prisma.empty;
  return db.$queryRaw<TakenJob[]>`
    UPDATE "Job" SET "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "state" = 'PENDING' AND "runAt" <= ${at}
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${at})
        AND "kind" = ANY(${kinds}::text[])
        ${onlyIds}
      ORDER BY "runAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "runAt", "attempts"`;
}

async function dispatch(handlers: JobHandlers, job: TakenJob, context: JobContext): Promise<void> {
  const kind = job.kind as JobKind;
  switch (kind) {
    case "assignment.auto":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    case "escalation.check":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    case "shift.started":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    case "shift.ended":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    case "rota.offCall":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    case "critical.escalation":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    case "hl7.send":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    case "pacs.storeReport":
      return handlers[kind](job.payload as Parameters<JobHandlers[typeof kind]>[0], context);
    default: {
      const unknown: never = kind;
      throw new Error(`No handler for job kind ${String(unknown)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

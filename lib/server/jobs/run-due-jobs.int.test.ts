import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { connectTestDb } from "@/lib/testing/test-db";
import { enqueueJob } from "./enqueue-job";
import type { JobHandlers } from "./job-handler";
import { retryDelayMs, runDueJobs } from "./run-due-jobs";
import { startJobWorker } from "./start-job-worker";

const db = connectTestDb(6);
const HOUR_MS = 3_600_000;

async function schedule(runAt: Date): Promise<{ id: bigint; requestId: string }> {
  const requestId = randomUUID();
  const dedupeKey = `escalation.check:${requestId}:1`;
  await db.$transaction((tx) => enqueueJob(tx, { kind: "escalation.check", payload: { requestId, level: 1 }, runAt, dedupeKey }));
  await db.$transaction((tx) => enqueueJob(tx, { kind: "escalation.check", payload: { requestId, level: 1 }, runAt, dedupeKey }));
  const jobs = await db.job.findMany({ where: { dedupeKey }, select: { id: true } });
  expect(jobs).toHaveLength(1);
  return { id: jobs[0]!.id, requestId };
}

function recording(fail = false): { handlers: JobHandlers; seen: string[] } {
  const seen: string[] = [];
  const handle = (payload: { requestId?: string; shiftId?: string; findingId?: string; messageId?: string; exportId?: string }) => {
    seen.push(payload.requestId ?? payload.shiftId ?? payload.findingId ?? "");
    return fail ? Promise.reject(new Error("PACS en panne")) : Promise.resolve();
  };
  return { seen, handlers: { "assignment.auto": handle, "escalation.check": handle, "shift.started": handle, "shift.ended": handle, "rota.offCall": handle, "critical.escalation": handle, "hl7.send": handle, "pacs.storeReport": handle } };
}

describe("the durable job runner", () => {
  it("runs a job once it is due, with a runner started after it was scheduled (a restart), and only once", async () => {
    const runAt = new Date(Date.now() + HOUR_MS);
    const job = await schedule(runAt);

    // A new process: its own database client, its own runner.
    const restarted = connectTestDb(2);
    const { handlers, seen } = recording();
    expect(await runDueJobs({ db: restarted, now: new Date(runAt.getTime() - 1), handlers, jobIds: [job.id] })).toMatchObject({ taken: 0 });
    expect(await runDueJobs({ db: restarted, now: runAt, handlers, jobIds: [job.id] })).toEqual({ taken: 1, done: 1, retried: 0, failed: 0 });
    expect(await runDueJobs({ db: restarted, now: runAt, handlers, jobIds: [job.id] })).toMatchObject({ taken: 0 });
    expect(seen).toEqual([job.requestId]);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "DONE", attempts: 1, doneAt: runAt });
  });

  it("leaves a job taken by a runner that died alone until its lease expires, then another runner retakes it", async () => {
    const runAt = new Date(Date.now() - 1000);
    const job = await schedule(runAt);
    const leaseEnd = new Date(runAt.getTime() + 60_000);
    // What a runner that crashed mid-job leaves behind.
    await db.job.update({ where: { id: job.id }, data: { lockedUntil: leaseEnd, attempts: 1 } });

    const { handlers, seen } = recording();
    expect(await runDueJobs({ db, now: new Date(leaseEnd.getTime() - 1), handlers, jobIds: [job.id] })).toMatchObject({ taken: 0 });
    expect(await runDueJobs({ db, now: leaseEnd, handlers, jobIds: [job.id] })).toMatchObject({ taken: 1, done: 1 });
    expect(seen).toEqual([job.requestId]);
  });

  it("retries a failing job with a growing delay and marks it FAILED with its last error after the last attempt", async () => {
    let now = new Date(Date.now() - 1000);
    const job = await schedule(now);
    const { handlers, seen } = recording(true);

    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await runDueJobs({ db, now, handlers, maxAttempts: 3, jobIds: [job.id] });
      const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe("Error: PACS en panne");
      if (attempt < 3) {
        expect(result).toMatchObject({ retried: 1 });
        expect(row).toMatchObject({ state: "PENDING", runAt: new Date(now.getTime() + retryDelayMs(attempt)) });
        // Not before the delay.
        expect(await runDueJobs({ db, now: new Date(row.runAt.getTime() - 1), handlers, jobIds: [job.id] })).toMatchObject({ taken: 0 });
        now = row.runAt;
      } else {
        expect(result).toMatchObject({ failed: 1 });
        expect(row.state).toBe("FAILED");
      }
    }
    expect(seen).toHaveLength(3);
    expect(retryDelayMs(1)).toBeLessThan(retryDelayMs(2));
  });

  it("gives each due job to exactly one of several concurrent runners", async () => {
    const runAt = new Date(Date.now() - 1000);
    const jobs = await Promise.all(Array.from({ length: 40 }, () => schedule(runAt)));
    const { handlers, seen } = recording();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => runDueJobs({ db, now: runAt, handlers, limit: 40, jobIds: jobs.map((j) => j.id) })),
    );
    expect(results.reduce((sum, r) => sum + r.done, 0)).toBe(40);
    expect(new Set(seen).size).toBe(40);
    expect(seen).toHaveLength(40);
  });

  it("has a polling worker that a wake-up runs at once, on the clock it is given", async () => {
    // A clock in the past: only this test's job is due on it.
    const clock = new Date("2001-02-03T04:05:06.000Z");
    let resolveSeen: (requestId: string) => void = () => undefined;
    const handled = new Promise<string>((resolve) => (resolveSeen = resolve));
    const handle = (payload: { requestId?: string; shiftId?: string; findingId?: string; messageId?: string; exportId?: string }) => {
      resolveSeen(payload.requestId ?? "");
      return Promise.resolve();
    };
    const worker = startJobWorker({
      db,
      log: () => undefined,
      intervalMs: 60_000,
      clock: () => clock,
      handlers: { "assignment.auto": handle, "escalation.check": handle, "shift.started": handle, "shift.ended": handle, "rota.offCall": handle, "critical.escalation": handle, "hl7.send": handle, "pacs.storeReport": handle },
    });
    const job = await schedule(clock);
    worker.wake();
    expect(await handled).toBe(job.requestId);
    await worker.stop();
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id }, select: { state: true } })).toEqual({ state: "DONE" });
  });
});

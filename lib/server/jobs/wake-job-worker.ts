import "server-only";
import { sendToCluster } from "../cluster/cluster-bus";

// Services run inside Next's bundle; the job worker lives in the custom server's module
// graph. They meet through this globalThis slot (like the hint publisher), so that a job
// scheduled for "now" runs at once instead of at the next poll. With several instances, the
// workers of every instance are woken (cluster-bus.ts): whichever takes the job first runs it
// (SKIP LOCKED, run-due-jobs.ts), and the others find nothing. Waking only this instance would
// also do, but a busy instance would leave the job to wait while an idle one could run it.

const slot = globalThis as unknown as { __teleradioWakeJobs?: () => void };

export function setJobWorkerWaker(wake: (() => void) | undefined): void {
  slot.__teleradioWakeJobs = wake;
}

/** Call after commit when a job was scheduled to run now. Does nothing without a worker. */
export function wakeJobWorker(): void {
  receiveJobWakeUp();
  sendToCluster({ kind: "jobs" });
}

/** Wakes this instance's workers only (another instance scheduled a job). */
export function receiveJobWakeUp(): void {
  slot.__teleradioWakeJobs?.();
}

import "server-only";

// Services run inside Next's bundle; the job worker lives in the custom server's module
// graph. They meet through this globalThis slot (like the hint publisher), so that a job
// scheduled for "now" runs at once instead of at the next poll.

const slot = globalThis as unknown as { __teleradioWakeJobs?: () => void };

export function setJobWorkerWaker(wake: (() => void) | undefined): void {
  slot.__teleradioWakeJobs = wake;
}

/** Call after commit when a job was scheduled to run now. Does nothing without a worker. */
export function wakeJobWorker(): void {
  slot.__teleradioWakeJobs?.();
}

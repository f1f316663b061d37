import "server-only";
import { wakeJobWorker } from "../jobs/wake-job-worker";
import { publishNotifications, publishReportMeasurementsChanged, publishRequestChanged, publishStudyChanged, publishThreadChanged } from "../realtime/publish";

/**
 * What a use case announces about its change. Registered during the transaction; sent by the
 * runner (run-use-case.ts) only once the transaction has committed: a hint never announces a
 * rolled-back change, and an announcement that fails never un-acknowledges a committed write.
 */
export interface Effects {
  /** The request's line or page changed: its site's rooms refetch it (and the data version moves). */
  requestChanged(requestId: string, siteId: string): void;
  /** The request's thread has a new message. */
  threadChanged(requestId: string, siteId: string): void;
  /** Images of the site arrived or changed state (the publisher coalesces these per site). */
  studyChanged(siteId: string): void;
  /** A reader's measurements for a request's report changed: only that reader's editors refetch. */
  measurementsChanged(readerId: string, requestId: string): void;
  /** These users' notifications changed; `vital` rings their browsers. */
  notificationsChanged(userIds: Iterable<string>, vital: boolean): void;
  /** A job was scheduled for now: the worker takes it at once rather than at its next poll. */
  wakeJobs(): void;
}

/**
 * Collects a transaction's effects, then sends each once. The order is by kind, whatever the
 * order of registration (helpers such as notifyInTx register half way through): the records'
 * hints, then the notifications that point at them, then the job wake-up, whose job may change
 * the same records again. Within a kind, the order of first registration.
 */
export class EffectCollector implements Effects {
  private readonly requests = new Map<string, { requestId: string; siteId: string }>();
  private readonly threads = new Map<string, { requestId: string; siteId: string }>();
  private readonly studySites = new Set<string>();
  private readonly measurements = new Map<string, { readerId: string; requestId: string }>();
  /** user -> rings: a user told twice in one change hears of it once, ringing if either rang. */
  private readonly notified = new Map<string, boolean>();
  private wake = false;
  private flushed = false;

  requestChanged(requestId: string, siteId: string): void {
    this.open();
    this.requests.set(`${siteId}/${requestId}`, { requestId, siteId });
  }

  threadChanged(requestId: string, siteId: string): void {
    this.open();
    this.threads.set(`${siteId}/${requestId}`, { requestId, siteId });
  }

  studyChanged(siteId: string): void {
    this.open();
    this.studySites.add(siteId);
  }

  measurementsChanged(readerId: string, requestId: string): void {
    this.open();
    this.measurements.set(`${readerId}/${requestId}`, { readerId, requestId });
  }

  notificationsChanged(userIds: Iterable<string>, vital: boolean): void {
    this.open();
    for (const userId of userIds) this.notified.set(userId, vital || this.notified.get(userId) === true);
  }

  wakeJobs(): void {
    this.open();
    this.wake = true;
  }

  /** Sends everything collected, once. Each effect's failure is logged, never thrown: the change is committed. */
  flush(): void {
    this.open();
    this.flushed = true;
    for (const { requestId, siteId } of this.requests.values()) attempt(`request.changed ${requestId}`, () => publishRequestChanged(requestId, siteId));
    for (const { requestId, siteId } of this.threads.values()) attempt(`thread.changed ${requestId}`, () => publishThreadChanged(requestId, siteId));
    for (const siteId of this.studySites) attempt(`images.changed of site ${siteId}`, () => publishStudyChanged(siteId));
    for (const { readerId, requestId } of this.measurements.values()) attempt(`report.measurements.changed ${requestId}`, () => publishReportMeasurementsChanged(readerId, requestId));
    const ringing = [...this.notified].filter(([, vital]) => vital).map(([userId]) => userId);
    const quiet = [...this.notified].filter(([, vital]) => !vital).map(([userId]) => userId);
    if (ringing.length > 0) attempt("notifications.changed (vital)", () => publishNotifications(ringing, true));
    if (quiet.length > 0) attempt("notifications.changed", () => publishNotifications(quiet, false));
    if (this.wake) attempt("job wake-up", wakeJobWorker);
  }

  /** An effect registered after the flush would silently never go out: a bug, said loudly. */
  private open(): void {
    if (this.flushed) throw new Error("after-commit effect registered once the effects were sent");
  }
}

function attempt(what: string, send: () => void): void {
  try {
    send();
  } catch (error) {
    // The write is committed and acknowledged; a lost hint is repaired by the clients' next resync.
    console.error(`[use-case] after-commit effect failed (${what}); the change itself is committed:`, error);
  }
}

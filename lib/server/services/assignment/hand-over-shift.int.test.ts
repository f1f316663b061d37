import { describe, expect, it } from "vitest";
import { connectTestDb } from "@/lib/testing/test-db";
import { enqueueJob } from "../../jobs/enqueue-job";
import { runDueJobs } from "../../jobs/run-due-jobs";
import { at, HOUR, insertRequests, radiologist, shift, siteWithReferrer } from "./assignment-test-kit";
import { handOverShift } from "./hand-over-shift";

const db = connectTestDb(8);

/** A leaving radiologist whose shift (covering `site`) ends at `end`, holding requests there and at another site. */
async function endingShift() {
  const end = new Date(Date.now() + 2 * HOUR);
  const { site, referrer } = await siteWithReferrer(db);
  const { site: otherSite, referrer: otherReferrer } = await siteWithReferrer(db);
  const leaving = await radiologist(db, [site.id, otherSite.id], { name: "Dr Sortant" });
  const ending = await shift(db, { radiologistId: leaving.id, siteIds: [site.id], startsAt: at(end, -12 * HOUR), endsAt: end });
  const held = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: leaving.id, count: 2, priority: "URGENT" });
  const [elsewhere] = await insertRequests(db, { siteId: otherSite.id, requesterId: otherReferrer.id, holderId: leaving.id });
  // Closed requests stay with their reader.
  const [signed] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: leaving.id });
  await db.readingRequest.update({ where: { id: signed! }, data: { status: "SIGNED" } });

  /** The rota's job for the shift's end, run on the given clock. */
  const runShiftEnded = async (now: Date, shiftId = ending.id, runAt = end) => {
    const dedupeKey = `shift.ended:${shiftId}:${runAt.toISOString()}`;
    await db.$transaction((tx) => enqueueJob(tx, { kind: "shift.ended", payload: { shiftId, endsAt: runAt.toISOString() }, runAt, dedupeKey }));
    const job = await db.job.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
    return runDueJobs({ db, now, jobIds: [job.id] });
  };
  return { end, site, leaving, ending, held, elsewhere: elsewhere!, signed: signed!, runShiftEnded };
}

const holders = (ids: string[]) =>
  db.readingRequest.findMany({ where: { id: { in: ids } }, select: { id: true, holderId: true, holdKind: true, holdAcknowledgedAt: true } });

describe("handover at the end of a shift", () => {
  it("hands the open requests of the shift's sites to the next radiologist on call, who is told; once", async () => {
    const t = await endingShift();
    const next = await radiologist(db, [t.site.id], { name: "Dr Entrant" });
    await shift(db, { radiologistId: next.id, siteIds: [t.site.id], startsAt: t.end, endsAt: at(t.end, 12 * HOUR) });

    expect(await t.runShiftEnded(at(t.end, -1))).toMatchObject({ taken: 0 });
    expect(await t.runShiftEnded(t.end)).toMatchObject({ done: 1 });

    for (const row of await holders(t.held)) expect(row).toMatchObject({ holderId: next.id, holdKind: "HANDED_OVER", holdAcknowledgedAt: null });
    expect((await holders([t.elsewhere, t.signed])).every((row) => row.holderId === t.leaving.id)).toBe(true);

    const events = await db.requestEvent.findMany({ where: { requestId: { in: t.held } }, select: { type: true, actorId: true, reason: true } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: "HANDED_OVER", actorId: null });
    expect(events[0]!.reason).toMatch(/^Fin de garde de Dr Sortant : transmise à Dr Entrant : /);
    const notices = await db.notification.findMany({ where: { requestId: { in: t.held } }, select: { userId: true, kind: true, detail: true } });
    expect(notices).toHaveLength(2);
    expect(notices.every((n) => n.userId === next.id && n.kind === "HANDED_OVER_TO_ME")).toBe(true);
    expect(notices[0]!.detail).toMatchObject({ from: "Dr Sortant" });
    // Waiting for the new holder's acknowledgement, the requests are watched for escalation again.
    expect(await db.job.count({ where: { dedupeKey: { startsWith: `escalation.check:${t.held[0]}:1:` } } })).toBe(1);

    // The same job again (a retry after a crash): nothing moves twice.
    expect(await handOverShift({ db, shiftId: t.ending.id, scheduledEnd: t.end, now: at(t.end, 1000) })).toEqual({ kind: "DONE", handedOver: [], returnedToPool: [], stayed: [] });
    expect(await db.requestEvent.count({ where: { requestId: { in: t.held } } })).toBe(2);
  });

  it("returns the requests to the pool when nobody eligible is on call next", async () => {
    const t = await endingShift();
    const expired = await radiologist(db, [t.site.id], { name: "Dr Expirée", expiresAt: t.end });
    await shift(db, { radiologistId: expired.id, siteIds: [t.site.id], startsAt: t.end, endsAt: at(t.end, 12 * HOUR) });

    await t.runShiftEnded(t.end);
    for (const row of await holders(t.held)) expect(row).toEqual({ id: row.id, holderId: null, holdKind: null, holdAcknowledgedAt: null });
    const events = await db.requestEvent.findMany({ where: { requestId: { in: t.held } }, select: { type: true, reason: true } });
    expect(events.map((e) => e.type)).toEqual(["RETURNED_TO_POOL", "RETURNED_TO_POOL"]);
    expect(events[0]!.reason).toContain("Dr Expirée (habilitation expirée)");
    expect(await db.auditLog.count({ where: { entityId: { in: t.held }, action: "REQUEST_RETURNED_TO_POOL" } })).toBe(2);
  });

  it("keeps the requests with a radiologist whose next shift follows on, and ignores a job for a moved or deleted shift", async () => {
    const t = await endingShift();
    const colleague = await radiologist(db, [t.site.id]);
    await shift(db, { radiologistId: colleague.id, siteIds: [t.site.id], startsAt: t.end, endsAt: at(t.end, 12 * HOUR) });

    // The shift was extended by an hour: the job for the old end is stale.
    await db.shift.update({ where: { id: t.ending.id }, data: { endsAt: at(t.end, HOUR) } });
    expect(await handOverShift({ db, shiftId: t.ending.id, scheduledEnd: t.end, now: t.end })).toEqual({ kind: "SKIPPED", reason: "SHIFT_MOVED" });
    await db.shift.update({ where: { id: t.ending.id }, data: { endsAt: t.end } });

    // Back to back: the leaving radiologist's next shift starts as this one ends.
    await shift(db, { radiologistId: t.leaving.id, siteIds: [t.site.id], startsAt: t.end, endsAt: at(t.end, 12 * HOUR) });
    expect(await handOverShift({ db, shiftId: t.ending.id, scheduledEnd: t.end, now: t.end })).toMatchObject({ kind: "DONE", stayed: expect.arrayContaining(t.held) });
    expect((await holders(t.held)).every((row) => row.holderId === t.leaving.id)).toBe(true);

    const gone = await shift(db, { radiologistId: t.leaving.id, siteIds: [t.site.id], startsAt: at(t.end, -HOUR), endsAt: t.end });
    await db.shift.delete({ where: { id: gone.id } });
    expect(await handOverShift({ db, shiftId: gone.id, scheduledEnd: t.end, now: t.end })).toEqual({ kind: "SKIPPED", reason: "SHIFT_NOT_FOUND" });
  });

  it("still hands over when the job is retried after a failed attempt (its runAt moved, its payload did not)", async () => {
    const t = await endingShift();
    const next = await radiologist(db, [t.site.id], { name: "Dr Reprise" });
    await shift(db, { radiologistId: next.id, siteIds: [t.site.id], startsAt: t.end, endsAt: at(t.end, 12 * HOUR) });
    const dedupeKey = `shift.ended:${t.ending.id}:${t.end.toISOString()}`;
    await db.$transaction((tx) => enqueueJob(tx, { kind: "shift.ended", payload: { shiftId: t.ending.id, endsAt: t.end.toISOString() }, runAt: t.end, dedupeKey }));
    // What the runner does after a failure: the job waits for its retry.
    const retryAt = at(t.end, 20_000);
    await db.job.update({ where: { dedupeKey }, data: { attempts: 1, runAt: retryAt, lastError: "deadlock detected" } });
    const job = await db.job.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });

    expect(await runDueJobs({ db, now: retryAt, jobIds: [job.id] })).toMatchObject({ done: 1 });
    expect((await holders(t.held)).every((row) => row.holderId === next.id)).toBe(true);
  });
});

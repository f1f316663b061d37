import { describe, expect, it } from "vitest";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { teleDiagnosticRequest } from "@/prisma/factories";
import { runDueJobs } from "../../jobs/run-due-jobs";
import { claimRequest } from "../requests/claim-request";
import { submitRequest } from "../requests/submit-request";
import { acknowledgeAssignment } from "./acknowledge-assignment";
import { at, departmentHead, HOUR, radiologist, shift, siteWithReferrer } from "./assignment-test-kit";
import { autoAssignRequest } from "./auto-assign-request";
import { escalateRequest } from "./escalate-request";

const db = connectTestDb(8);
const URGENT_TARGET_MS = 1800 * 1000;

/** A site with a primary and a backup on call, a reader of the territory off shift, and a head. */
async function territory(options: { autoAssign?: boolean } = {}) {
  const now = new Date();
  const { site, referrer } = await siteWithReferrer(db, options);
  const [primary, backup, territoryReader, otherSiteReader, head] = await Promise.all([
    radiologist(db, [site.id], { name: "Dr Titulaire" }),
    radiologist(db, [site.id], { name: "Dr Renfort" }),
    radiologist(db, [site.id], { name: "Dr Territoire" }),
    radiologist(db, [], { name: "Dr Ailleurs" }),
    departmentHead(db),
  ]);
  await shift(db, { radiologistId: primary.id, siteIds: [site.id], startsAt: at(now, -HOUR), endsAt: at(now, 12 * HOUR) });
  await shift(db, { radiologistId: backup.id, siteIds: [site.id], startsAt: at(now, -HOUR), endsAt: at(now, 12 * HOUR), role: "BACKUP" });
  const submit = async () => {
    const { requestId } = await submitRequest({ db, actor: await actorOf(db, referrer.id), input: teleDiagnosticRequest({ priority: "URGENT" }) });
    const { submittedAt } = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { submittedAt: true } });
    return { requestId, submittedAt };
  };
  return { site, primary, backup, territoryReader, otherSiteReader, head, submit };
}

/** Runs the escalation jobs of one request only: the database is shared with other test files. */
async function runEscalationJobs(requestId: string, now: Date) {
  const jobs = await db.job.findMany({ where: { dedupeKey: { startsWith: `escalation.check:${requestId}:` } }, select: { id: true } });
  return runDueJobs({ db, now, jobIds: jobs.map((job) => job.id) });
}

const escalatedNotices = (requestId: string) =>
  db.notification.findMany({ where: { requestId, kind: "ESCALATED" }, select: { userId: true, detail: true } });

describe("escalation along the ladder", () => {
  it("escalates at the priority's target to the backups and heads, then the whole territory, then stops; twice is once", async () => {
    const t = await territory();
    const { requestId, submittedAt } = await t.submit();

    // Before the target nothing is due.
    expect(await runEscalationJobs(requestId, at(submittedAt, URGENT_TARGET_MS - 1000))).toMatchObject({ taken: 0 });

    const level1At = at(submittedAt, URGENT_TARGET_MS);
    expect(await runEscalationJobs(requestId, level1At)).toMatchObject({ taken: 1, done: 1 });
    const afterLevel1 = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { escalationLevel: true, escalatedAt: true } });
    expect(afterLevel1).toEqual({ escalationLevel: 1, escalatedAt: level1At });
    const level1 = await escalatedNotices(requestId);
    expect(level1.filter((n) => n.userId === t.backup.id || n.userId === t.head.id)).toHaveLength(2);
    expect(level1.map((n) => n.userId)).not.toContain(t.primary.id);
    expect(level1.map((n) => n.userId)).not.toContain(t.territoryReader.id);
    expect(level1.every((n) => (n.detail as { level: number }).level === 1)).toBe(true);

    // The same check running again (a retry, a restart) changes nothing.
    expect(await escalateRequest({ db, requestId, level: 1, now: at(level1At, 5000) })).toMatchObject({ kind: "SKIPPED", reason: "ALREADY_ESCALATED" });
    expect(await escalatedNotices(requestId)).toHaveLength(level1.length);

    // Level 2 after the same target again: everyone reading for the site, never a reader of other sites.
    expect(await runEscalationJobs(requestId, at(level1At, URGENT_TARGET_MS - 1000))).toMatchObject({ taken: 0 });
    expect(await runEscalationJobs(requestId, at(level1At, URGENT_TARGET_MS))).toMatchObject({ taken: 1, done: 1 });
    const level2 = (await escalatedNotices(requestId)).filter((n) => (n.detail as { level: number }).level === 2).map((n) => n.userId);
    expect(level2).toEqual(expect.arrayContaining([t.primary.id, t.backup.id, t.territoryReader.id, t.head.id]));
    expect(level2).not.toContain(t.otherSiteReader.id);

    // The top of the ladder: no third job, and nothing more however late it gets.
    expect(await runEscalationJobs(requestId, at(level1At, 100 * HOUR))).toMatchObject({ taken: 0 });
    expect(await db.job.count({ where: { dedupeKey: { startsWith: `escalation.check:${requestId}:` } } })).toBe(2);
    const events = await db.requestEvent.findMany({ where: { requestId, type: "ESCALATED" }, select: { actorId: true, reason: true } });
    expect(events).toHaveLength(2);
    expect(events[0]!.reason).toContain("niveau 1");
    expect(await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { escalationLevel: true } })).toEqual({ escalationLevel: 2 });
  });

  it("does not escalate a claimed request, nor an acknowledged assignment, but does an unacknowledged one", async () => {
    const t = await territory({ autoAssign: true });
    const claimed = await t.submit();
    await claimRequest({ db, actor: await actorOf(db, t.primary.id), requestId: claimed.requestId });
    const acknowledged = await t.submit();
    const unacknowledged = await t.submit();
    await autoAssignRequest({ db, requestId: acknowledged.requestId, now: acknowledged.submittedAt });
    await autoAssignRequest({ db, requestId: unacknowledged.requestId, now: unacknowledged.submittedAt });
    const holder = (await db.readingRequest.findUniqueOrThrow({ where: { id: acknowledged.requestId }, select: { holderId: true } })).holderId!;
    await acknowledgeAssignment({ db, actor: await actorOf(db, holder), requestId: acknowledged.requestId });

    const late = at(unacknowledged.submittedAt, URGENT_TARGET_MS + 1000);
    expect(await escalateRequest({ db, requestId: claimed.requestId, level: 1, now: late })).toMatchObject({ kind: "SKIPPED", reason: "TAKEN" });
    expect(await escalateRequest({ db, requestId: acknowledged.requestId, level: 1, now: late })).toMatchObject({ kind: "SKIPPED", reason: "TAKEN" });
    expect(await escalateRequest({ db, requestId: unacknowledged.requestId, level: 1, now: late })).toMatchObject({ kind: "ESCALATED", level: 1 });

    const rows = await db.readingRequest.findMany({ where: { id: { in: [claimed.requestId, acknowledged.requestId] } }, select: { escalationLevel: true } });
    expect(rows).toEqual([{ escalationLevel: 0 }, { escalationLevel: 0 }]);
    expect(await db.notification.count({ where: { requestId: { in: [claimed.requestId, acknowledged.requestId] }, kind: "ESCALATED" } })).toBe(0);
    expect(await db.job.count({ where: { dedupeKey: { in: [`escalation.check:${claimed.requestId}:2`, `escalation.check:${acknowledged.requestId}:2`] } } })).toBe(0);
  });
});

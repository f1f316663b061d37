import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { rooms, type Hint } from "@/lib/domain/realtime-hints";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { runDueJobs } from "../../jobs/run-due-jobs";
import { setHintPublisher } from "../../realtime/publish";
import { createCaller } from "../../trpc/app-router";
import { errorShapeData } from "../../trpc/error-mapping";
import { getRequest } from "../requests/get-request";
import { claimRequest } from "../requests/claim-request";
import { submitRequest } from "../requests/submit-request";
import { updateSiteSettings } from "../settings/update-site-settings";
import { acknowledgeCriticalFinding } from "./acknowledge-critical-finding";
import { flagCriticalFinding } from "./flag-critical-finding";
import { listCriticalFindings } from "./list-critical-findings";
import { recordCriticalCommunication } from "./record-critical-communication";

const db = connectTestDb(8);
const MINUTE = 60_000;
const later = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

/**
 * A site with its requester, a colleague referrer, a radiographer, the radiologist holding a
 * request in reading, a colleague radiologist and a head; and a foreign site's staff.
 */
async function readingRequest(options: { ackMinutes?: number } = {}) {
  const site = await createSite(db);
  const elsewhere = await createSite(db, "Autre site");
  if (options.ackMinutes !== undefined) await db.site.update({ where: { id: site.id }, data: { criticalAckMinutes: options.ackMinutes } });
  const [requester, colleagueReferrer, radiographer, radiologist, colleague, head, foreignReferrer, foreignRadiologist, admin] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }),
    createUser(db, { role: "REFERRER", siteId: site.id }),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
    createUser(db, { role: "REFERRER", siteId: elsewhere.id }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [elsewhere.id] }),
    createUser(db, { role: "ADMIN" }),
  ]).then((users) => Promise.all(users.map((user) => actorOf(db, user.id))));
  const { requestId } = await submitRequest({ db, actor: requester!, input: teleDiagnosticRequest() });
  await claimRequest({ db, actor: radiologist!, requestId });
  // Reading itself is the reporting services' business; here the request is simply in reading.
  await db.readingRequest.update({ where: { id: requestId }, data: { status: "IN_READING", readingStartedAt: new Date() } });
  return { site, elsewhere, requestId, requester: requester!, colleagueReferrer: colleagueReferrer!, radiographer: radiographer!, radiologist: radiologist!, colleague: colleague!, head: head!, foreignReferrer: foreignReferrer!, foreignRadiologist: foreignRadiologist!, admin: admin! };
}

async function escalationJob(findingId: string) {
  return db.job.findUnique({ where: { dedupeKey: `critical.escalation:${findingId}` }, select: { id: true, runAt: true, state: true } });
}

/** The job runner at a controlled clock, limited to this test's job (other tests share the table). */
async function runEscalation(findingId: string, now: Date) {
  const job = await escalationJob(findingId);
  if (!job) throw new Error("no escalation job");
  return runDueJobs({ db, now, jobIds: [job.id] });
}

async function criticalEvents(requestId: string) {
  const events = await db.requestEvent.findMany({
    where: { requestId, type: { in: ["CRITICAL_FINDING_FLAGGED", "CRITICAL_FINDING_COMMUNICATED", "CRITICAL_FINDING_ACKNOWLEDGED", "CRITICAL_FINDING_ESCALATED"] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { type: true, actorId: true, actorLabel: true, reason: true, at: true },
  });
  return events;
}

/** What the client receives of a refused input: a 400 and, per field, the catalogue key to show. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  expect(error).toBeInstanceOf(TRPCError);
  expect(getHTTPStatusCodeFromError(error as TRPCError)).toBe(400);
  return errorShapeData(error as TRPCError).fieldErrors ?? {};
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("flagging a critical finding", () => {
  it("writes the finding, tells the requester in the app (a communication), rings, and schedules the escalation at the site's deadline", async () => {
    const t = await readingRequest();
    const now = new Date();
    const flagged = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "MINUTES", description: "  Hémorragie méningée diffuse  " }, now });
    expect(flagged.acknowledgeBy).toEqual(later(now, 15));

    const finding = await db.criticalFinding.findUniqueOrThrow({ where: { id: flagged.findingId } });
    expect(finding).toMatchObject({ requestId: t.requestId, category: "MINUTES", description: "Hémorragie méningée diffuse", flaggedById: t.radiologist.id, flaggedAt: now, acknowledgedAt: null, escalatedAt: null });
    const communications = await db.criticalCommunication.findMany({ where: { findingId: finding.id } });
    expect(communications).toEqual([expect.objectContaining({ channel: "IN_APP", recipientId: t.requester.id, recipientName: t.requester.displayName, acknowledged: false, recordedById: t.radiologist.id })]);

    const notifications = await db.notification.findMany({ where: { requestId: t.requestId, kind: "CRITICAL_FINDING" }, select: { userId: true, detail: true } });
    expect(notifications).toEqual([{ userId: t.requester.id, detail: { authorName: t.radiologist.displayName, findingId: finding.id, category: "MINUTES" } }]);
    expect(await escalationJob(finding.id)).toMatchObject({ runAt: later(now, 15), state: "PENDING" });
    expect(await db.auditLog.count({ where: { action: "CRITICAL_FINDING_FLAGGED", entityId: finding.id, actorId: t.radiologist.id } })).toBe(1);
    expect(await criticalEvents(t.requestId)).toEqual([
      { type: "CRITICAL_FINDING_FLAGGED", actorId: t.radiologist.id, actorLabel: null, reason: "Minutes (urgence vitale)", at: now },
    ]);

    // Hours and days do not escalate: no deadline, no job.
    const hours = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "HOURS", description: "Fracture du col fémoral non déplacée" } });
    expect(hours.acknowledgeBy).toBeNull();
    expect(await escalationJob(hours.findingId)).toBeNull();
  });

  it("shows each reader the loop and what they may do; radiographers and administrators do not see it, and the read is audited", async () => {
    const t = await readingRequest();
    const { findingId } = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "MINUTES", description: "Dissection aortique de type A" } });

    const asHolder = await listCriticalFindings({ db, actor: t.radiologist, requestId: t.requestId });
    expect(asHolder.can).toEqual({ flag: true, communicate: true, acknowledge: false });
    expect(asHolder.ackMinutes).toBe(15);
    expect(asHolder.findings).toHaveLength(1);
    expect(asHolder.findings[0]).toMatchObject({ id: findingId, state: "open", flaggedBy: { id: t.radiologist.id }, can: { communicate: true, acknowledge: false } });
    expect(asHolder.findings[0]!.communications.map((c) => [c.channel, c.recipientName])).toEqual([["IN_APP", t.requester.displayName]]);
    expect(asHolder.contacts.map((c) => [c.id, c.isRequester])).toEqual([
      [t.requester.id, true],
      [t.colleagueReferrer.id, false],
    ]);

    for (const referrer of [t.requester, t.colleagueReferrer]) {
      const view = await listCriticalFindings({ db, actor: referrer, requestId: t.requestId });
      expect(view.can).toEqual({ flag: false, communicate: false, acknowledge: true });
      expect(view.findings[0]!.can).toEqual({ communicate: false, acknowledge: true });
      expect(view.contacts).toEqual([]);
    }
    const asHead = await listCriticalFindings({ db, actor: t.head, requestId: t.requestId });
    expect(asHead.can).toEqual({ flag: false, communicate: false, acknowledge: false });
    expect(asHead.findings[0]!.description).toBe("Dissection aortique de type A");
    expect((await listCriticalFindings({ db, actor: t.colleague, requestId: t.requestId })).can).toEqual({ flag: false, communicate: false, acknowledge: false });

    await expectAppError(listCriticalFindings({ db, actor: t.radiographer, requestId: t.requestId }), "FORBIDDEN");
    await expectAppError(listCriticalFindings({ db, actor: t.admin, requestId: t.requestId }), "FORBIDDEN");
    await expectAppError(listCriticalFindings({ db, actor: t.foreignReferrer, requestId: t.requestId }), "NOT_FOUND");
    await expect(createCaller({ db, actor: t.radiographer }).critical.forRequest({ requestId: t.requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await flushReadAudits();
    expect(await db.auditLog.count({ where: { action: "CRITICAL_FINDINGS_READ", entityId: t.requestId, actorId: t.requester.id } })).toBe(1);
  });
});

describe("closing the loop", () => {
  it("a phone communication read back acknowledges the finding; the deadline then passes without escalation", async () => {
    const t = await readingRequest();
    const now = new Date();
    const { findingId } = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "MINUTES", description: "Pneumothorax compressif" }, now });
    const calledAt = later(now, 3);
    const recorded = await recordCriticalCommunication({
      db,
      actor: t.radiologist,
      input: { findingId, recipientName: t.requester.displayName, recipientId: t.requester.id, channel: "PHONE", communicatedAt: calledAt, acknowledged: true },
      now: later(now, 4),
    });
    expect(recorded).toMatchObject({ findingId, acknowledged: true });
    const finding = await db.criticalFinding.findUniqueOrThrow({ where: { id: findingId } });
    // Acknowledged when it was read back on the phone, not when it was typed in.
    expect(finding).toMatchObject({ acknowledgedAt: calledAt, acknowledgedById: t.requester.id, acknowledgedByName: t.requester.displayName });

    // A second read-back (another call) is recorded but does not acknowledge again.
    const again = await recordCriticalCommunication({ db, actor: t.radiologist, input: { findingId, recipientName: "Dr Interne de garde", channel: "PHONE", acknowledged: true }, now: later(now, 5) });
    expect(again.acknowledged).toBe(false);
    expect((await db.criticalFinding.findUniqueOrThrow({ where: { id: findingId } })).acknowledgedByName).toBe(t.requester.displayName);

    expect(await runEscalation(findingId, later(now, 16))).toMatchObject({ taken: 1, done: 1 });
    expect((await db.criticalFinding.findUniqueOrThrow({ where: { id: findingId } })).escalatedAt).toBeNull();
    expect(await db.notification.count({ where: { requestId: t.requestId, kind: "CRITICAL_FINDING_ESCALATED" } })).toBe(0);

    const events = await criticalEvents(t.requestId);
    expect(events.map((e) => e.type)).toEqual(["CRITICAL_FINDING_FLAGGED", "CRITICAL_FINDING_COMMUNICATED", "CRITICAL_FINDING_ACKNOWLEDGED", "CRITICAL_FINDING_COMMUNICATED"]);
    expect(events[1]!.reason).toBe(`Communiqué par téléphone à ${t.requester.displayName} — relecture confirmée`);
    const view = await listCriticalFindings({ db, actor: t.head, requestId: t.requestId });
    expect(view.findings[0]).toMatchObject({ state: "acknowledged", acknowledgedBy: { id: t.requester.id, name: t.requester.displayName } });
    expect(view.findings[0]!.communications.map((c) => [c.channel, c.acknowledged])).toEqual([
      ["IN_APP", false],
      ["PHONE", true],
      ["PHONE", true],
    ]);
  });

  it("the requester's acknowledgement in the app tells the radiologist; a second one is a no-op answer", async () => {
    const t = await readingRequest();
    const { findingId } = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "HOURS", description: "Appendicite aiguë" } });
    expect(await acknowledgeCriticalFinding({ db, actor: t.requester, input: { findingId } })).toEqual({ findingId, acknowledged: true, alreadyAcknowledged: false });
    expect(await acknowledgeCriticalFinding({ db, actor: t.requester, input: { findingId } })).toEqual({ findingId, acknowledged: false, alreadyAcknowledged: true });
    expect(await acknowledgeCriticalFinding({ db, actor: t.colleagueReferrer, input: { findingId } })).toEqual({ findingId, acknowledged: false, alreadyAcknowledged: true });

    const finding = await db.criticalFinding.findUniqueOrThrow({ where: { id: findingId } });
    expect(finding).toMatchObject({ acknowledgedById: t.requester.id, acknowledgedByName: t.requester.displayName });
    const told = await db.notification.findMany({ where: { requestId: t.requestId, kind: "CRITICAL_FINDING_ACKNOWLEDGED" }, select: { userId: true, detail: true } });
    expect(told).toEqual([{ userId: t.radiologist.id, detail: { authorName: t.requester.displayName, findingId, category: "HOURS" } }]);
    expect((await criticalEvents(t.requestId)).map((e) => [e.type, e.actorId])).toEqual([
      ["CRITICAL_FINDING_FLAGGED", t.radiologist.id],
      ["CRITICAL_FINDING_ACKNOWLEDGED", t.requester.id],
    ]);
    expect(await db.auditLog.count({ where: { action: "CRITICAL_FINDING_ACKNOWLEDGED", entityId: findingId } })).toBe(1);
  });

  it("escalates an unacknowledged vital finding once, at the controlled clock, to the site's referrers and the heads; the acknowledgement then closes it; the trace has it all in order", async () => {
    const t = await readingRequest();
    const now = new Date();
    const { findingId } = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "MINUTES", description: "Engagement cérébral" }, now });

    // Before the deadline the runner does not even take the job.
    expect(await runEscalation(findingId, later(now, 14))).toMatchObject({ taken: 0 });
    expect(await runEscalation(findingId, later(now, 16))).toMatchObject({ taken: 1, done: 1 });
    const escalatedAt = later(now, 16);
    expect((await db.criticalFinding.findUniqueOrThrow({ where: { id: findingId } })).escalatedAt).toEqual(escalatedAt);

    const notified = await db.notification.findMany({ where: { requestId: t.requestId, kind: "CRITICAL_FINDING_ESCALATED" }, select: { userId: true, user: { select: { role: true, siteId: true } } } });
    const ids = notified.map((n) => n.userId);
    expect(ids).toEqual(expect.arrayContaining([t.requester.id, t.colleagueReferrer.id, t.head.id]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of notified) expect(n.user.role === "DEPARTMENT_HEAD" || (n.user.role === "REFERRER" && n.user.siteId === t.site.id)).toBe(true);
    for (const outsider of [t.radiologist, t.colleague, t.radiographer, t.foreignReferrer, t.foreignRadiologist]) expect(ids).not.toContain(outsider.id);

    // Run again (a retry, a restart): nothing changes, nobody is told twice.
    await db.job.updateMany({ where: { dedupeKey: `critical.escalation:${findingId}` }, data: { state: "PENDING" } });
    expect(await runEscalation(findingId, later(now, 30))).toMatchObject({ taken: 1, done: 1 });
    expect((await db.criticalFinding.findUniqueOrThrow({ where: { id: findingId } })).escalatedAt).toEqual(escalatedAt);
    expect(await db.notification.count({ where: { requestId: t.requestId, kind: "CRITICAL_FINDING_ESCALATED" } })).toBe(notified.length);

    expect((await listCriticalFindings({ db, actor: t.head, requestId: t.requestId })).findings[0]!.state).toBe("escalated");
    await acknowledgeCriticalFinding({ db, actor: t.colleagueReferrer, input: { findingId }, now: later(now, 20) });
    expect((await listCriticalFindings({ db, actor: t.radiologist, requestId: t.requestId })).findings[0]).toMatchObject({ state: "acknowledged", escalatedAt, acknowledgedBy: { id: t.colleagueReferrer.id } });

    const timeline = (await getRequest({ db, actor: t.head, requestId: t.requestId })).timeline.filter((e) => e.type.startsWith("CRITICAL_FINDING"));
    expect(timeline.map((e) => [e.type, e.actor?.id ?? null, e.actorLabel])).toEqual([
      ["CRITICAL_FINDING_FLAGGED", t.radiologist.id, null],
      ["CRITICAL_FINDING_ESCALATED", null, "Système"],
      ["CRITICAL_FINDING_ACKNOWLEDGED", t.colleagueReferrer.id, null],
    ]);
    expect(timeline.map((e) => e.at)).toEqual([now, escalatedAt, later(now, 20)]);
    expect(timeline[1]!.reason).toBe("Non pris en compte dans le délai de 15 min : médecins du site et chef de service alertés");
    expect(await db.auditLog.count({ where: { action: "CRITICAL_FINDING_ESCALATED", entityId: findingId, actorId: null } })).toBe(1);
  });

  it("honours the site's delay as the administrator sets it, and refuses a delay out of bounds", async () => {
    const t = await readingRequest();
    const asAdmin = createCaller({ db, actor: t.admin });
    const settings = { siteId: t.site.id, autoAssign: false, patientInformationPolicy: "REQUIRED" as const, groupId: null };
    for (const criticalAckMinutes of [0, 241, 2.5]) {
      await expect(asAdmin.settings.updateSite({ ...settings, criticalAckMinutes })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await updateSiteSettings({ db, actor: t.admin, input: { ...settings, criticalAckMinutes: 5 } });
    expect((await asAdmin.settings.sites()).sites.find((s) => s.id === t.site.id)?.criticalAckMinutes).toBe(5);
    // Leaving it out keeps it.
    await updateSiteSettings({ db, actor: t.admin, input: settings });

    const now = new Date();
    const { findingId, acknowledgeBy } = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "MINUTES", description: "Ischémie mésentérique" }, now });
    expect(acknowledgeBy).toEqual(later(now, 5));
    expect((await escalationJob(findingId))?.runAt).toEqual(later(now, 5));
    expect(await runEscalation(findingId, later(now, 6))).toMatchObject({ done: 1 });
    expect((await criticalEvents(t.requestId)).at(-1)?.reason).toBe("Non pris en compte dans le délai de 5 min : médecins du site et chef de service alertés");
  });
});

describe("live hints", () => {
  it("after commit, refreshes the request's screens, rings the requester for a vital finding only, and rings the escalation's audience", async () => {
    const t = await readingRequest();
    const published: { rooms: readonly string[]; hint: Hint }[] = [];
    setHintPublisher({ publish: (targets, hint) => published.push({ rooms: targets, hint }) });
    try {
      const now = new Date();
      await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "HOURS", description: "Fracture du scaphoïde" }, now });
      const { findingId } = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "MINUTES", description: "Hémopéritoine" }, now });
      const toRequester = published.filter((p) => p.hint.kind === "notifications.changed" && p.rooms.includes(rooms.user(t.requester.id))).map((p) => p.hint);
      expect(toRequester).toEqual([
        { kind: "notifications.changed", vital: false },
        { kind: "notifications.changed", vital: true },
      ]);
      expect(published.filter((p) => p.hint.kind === "request.changed" && p.hint.requestId === t.requestId)).toHaveLength(2);

      published.length = 0;
      await runEscalation(findingId, later(now, 16));
      const rung = published.find((p) => p.hint.kind === "notifications.changed");
      expect(rung?.hint).toEqual({ kind: "notifications.changed", vital: true });
      expect(rung?.rooms).toEqual(expect.arrayContaining([rooms.user(t.head.id), rooms.user(t.colleagueReferrer.id)]));
      expect(published.some((p) => p.hint.kind === "request.changed" && p.hint.requestId === t.requestId)).toBe(true);
    } finally {
      setHintPublisher(undefined);
    }
  });
});

describe("refusals", () => {
  it("refuses the wrong person, the wrong site and the wrong moment, and writes nothing", async () => {
    const t = await readingRequest();
    const input = { requestId: t.requestId, category: "MINUTES" as const, description: "Hématome sous-dural aigu" };
    await expectAppError(flagCriticalFinding({ db, actor: t.colleague, input }), "NOT_HOLDER");
    await expectAppError(flagCriticalFinding({ db, actor: t.foreignRadiologist, input }), "NOT_FOUND");
    await expectAppError(flagCriticalFinding({ db, actor: t.radiologist, input: { ...input, requestId: randomUUID() } }), "NOT_FOUND");
    await expectAppError(flagCriticalFinding({ db, actor: t.requester, input }), "FORBIDDEN");
    await expect(createCaller({ db, actor: t.colleague }).critical.flag(input)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createCaller({ db, actor: t.requester }).critical.flag(input)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const early = await readingRequest();
    await db.readingRequest.update({ where: { id: early.requestId }, data: { status: "IMAGES_COMPLETE" } });
    await expectAppError(flagCriticalFinding({ db, actor: early.radiologist, input: { ...input, requestId: early.requestId } }), "INVALID_TRANSITION");
    expect(await db.criticalFinding.count({ where: { requestId: { in: [t.requestId, early.requestId] } } })).toBe(0);

    const { findingId } = await flagCriticalFinding({ db, actor: t.radiologist, input });
    const call = { findingId, recipientName: "Dr Martin", channel: "PHONE" as const, acknowledged: true };
    await expectAppError(recordCriticalCommunication({ db, actor: t.colleague, input: call }), "NOT_HOLDER");
    await expectAppError(recordCriticalCommunication({ db, actor: t.foreignRadiologist, input: call }), "NOT_FOUND");
    await expectAppError(recordCriticalCommunication({ db, actor: t.radiologist, input: { ...call, recipientId: t.foreignReferrer.id } }), "BAD_INPUT");
    await expectAppError(acknowledgeCriticalFinding({ db, actor: t.foreignReferrer, input: { findingId } }), "NOT_FOUND");
    await expectAppError(acknowledgeCriticalFinding({ db, actor: t.head, input: { findingId } }), "FORBIDDEN");
    await expectAppError(acknowledgeCriticalFinding({ db, actor: t.radiographer, input: { findingId } }), "FORBIDDEN");
    const finding = await db.criticalFinding.findUniqueOrThrow({ where: { id: findingId }, include: { communications: true } });
    expect(finding.acknowledgedAt).toBeNull();
    expect(finding.communications).toHaveLength(1);
  });

  it("answers bad input with a 400 naming the field, and writes nothing", async () => {
    const t = await readingRequest();
    const asHolder = createCaller({ db, actor: t.radiologist });
    const refusals: [() => Promise<unknown>, string][] = [
      [() => asHolder.critical.flag({ requestId: t.requestId, category: "SECONDS" as never, description: "x" }), "category"],
      [() => asHolder.critical.flag({ requestId: t.requestId, category: "MINUTES", description: "   " }), "description"],
      [() => asHolder.critical.flag({ requestId: t.requestId, category: "MINUTES", description: "x".repeat(2001) }), "description"],
      [() => asHolder.critical.flag({ requestId: "nope", category: "MINUTES", description: "x" }), "requestId"],
    ];
    for (const [call, field] of refusals) {
      const error = await call().then(() => null, (e: unknown) => e);
      expect(Object.keys(fieldErrorsOf(error))).toContain(field);
    }
    expect(await db.criticalFinding.count({ where: { requestId: t.requestId } })).toBe(0);

    const { findingId } = await asHolder.critical.flag({ requestId: t.requestId, category: "DAYS", description: "Nodule pulmonaire de 9 mm" });
    const call = { findingId, recipientName: "Dr Martin", channel: "PHONE" as const };
    const future = await asHolder.critical.recordCommunication({ ...call, communicatedAt: new Date(Date.now() + 3_600_000) }).catch((e: unknown) => e);
    expect(fieldErrorsOf(future)).toEqual({ communicatedAt: "validation.dateInFuture" });
    const old = await asHolder.critical.recordCommunication({ ...call, communicatedAt: new Date(Date.now() - 8 * 86_400_000) }).catch((e: unknown) => e);
    expect(fieldErrorsOf(old)).toEqual({ communicatedAt: "critical.validation.tooOld" });
    await expect(asHolder.critical.recordCommunication({ ...call, recipientName: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asHolder.critical.recordCommunication({ ...call, channel: "FAX" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createCaller({ db, actor: t.requester }).critical.acknowledge({ findingId: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The service is the last line whatever the caller.
    await expectAppError(recordCriticalCommunication({ db, actor: t.radiologist, input: { ...call, communicatedAt: later(new Date(), 60) } }), "BAD_INPUT");
    expect(await db.criticalCommunication.count({ where: { findingId } })).toBe(1);

    // And through the API a valid one goes through, its time defaulting to now.
    const ok = await asHolder.critical.recordCommunication(call);
    expect(ok.acknowledged).toBe(false);
  });

  it("keeps communications append-only in the database", async () => {
    const t = await readingRequest();
    const { findingId } = await flagCriticalFinding({ db, actor: t.radiologist, input: { requestId: t.requestId, category: "HOURS", description: "Cholécystite" } });
    const row = await db.criticalCommunication.findFirstOrThrow({ where: { findingId } });
    await expect(db.criticalCommunication.update({ where: { id: row.id }, data: { acknowledged: true } })).rejects.toThrow();
    await expect(db.criticalCommunication.delete({ where: { id: row.id } })).rejects.toThrow();
    expect((await db.criticalCommunication.findUniqueOrThrow({ where: { id: row.id } })).acknowledged).toBe(false);
  });
});

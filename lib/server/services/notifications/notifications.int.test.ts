import { describe, expect, it } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import type { Actor } from "@/lib/domain/access";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createCaller } from "../../trpc/app-router";
import { listNotifications } from "./list-notifications";
import { markNotificationsRead } from "./mark-notifications-read";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "./notify";

const db = connectTestDb();
const page = (limit = 20, unreadOnly = false, cursor?: string) => ({ limit, unreadOnly, cursor });

/** A request of a fresh site, written directly: these tests are about notifications, not submission. */
async function requestAt(siteId: string, requesterId: string) {
  return db.readingRequest.create({
    data: {
      siteId,
      requesterId,
      idempotencyKey: crypto.randomUUID(),
      payloadHash: "0".repeat(64),
      type: "TELEDIAGNOSTIC",
      priority: "VITAL",
      patientFamilyName: "SECRET",
      patientGivenName: "Patiente",
      patientBirthDate: new Date("1950-01-01"),
      patientSex: "FEMALE",
      sitePatientId: "IPP-SECRET",
      modality: "CT",
      bodyRegion: "Encéphale",
      clinicalContext: "Contexte confidentiel",
      clinicalQuestion: "Question confidentielle",
    },
    select: { id: true },
  });
}

async function setting() {
  const site = await createSite(db);
  const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
  const radiologist = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id);
  const colleague = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id);
  const request = await requestAt(site.id, referrer.id);
  return { site, request, radiologist, colleague };
}

async function notify(actor: Actor, drafts: { kind: "NEW_REQUEST" | "VITAL_EMERGENCY" | "ESCALATED" | "THREAD_MESSAGE"; requestId: string | null }[]) {
  for (const draft of drafts) {
    // One transaction each: ids then follow the order of creation.
    await runUseCase(db, (tx, effects) => notifyInTx(tx, effects, [{ userId: actor.id, ...draft, detail: { authorName: "Dr Test" } }]));
  }
}

describe("the notification centre", () => {
  it("lists only the user's own notifications, newest first, page by page, with the unread count and a non-clinical summary", async () => {
    const { site, request, radiologist, colleague } = await setting();
    await notify(radiologist, [
      { kind: "NEW_REQUEST", requestId: request.id },
      { kind: "VITAL_EMERGENCY", requestId: request.id },
      { kind: "ESCALATED", requestId: null },
    ]);
    await notify(colleague, [{ kind: "THREAD_MESSAGE", requestId: request.id }]);

    const first = await listNotifications({ db, actor: radiologist, input: page(2) });
    expect(first.unreadCount).toBe(3);
    expect(first.items.map((n) => n.kind)).toEqual(["ESCALATED", "VITAL_EMERGENCY"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listNotifications({ db, actor: radiologist, input: page(2, false, first.nextCursor!) });
    expect(second.items.map((n) => n.kind)).toEqual(["NEW_REQUEST"]);
    expect(second.nextCursor).toBeNull();

    const vital = first.items[1]!;
    expect(vital.readAt).toBeNull();
    expect(vital.detail).toEqual({ authorName: "Dr Test" });
    expect(vital.request).toEqual({ id: request.id, siteCode: site.code, priority: "VITAL", type: "TELEDIAGNOSTIC", modality: "CT" });
    // No patient or clinical data in the answer.
    expect(JSON.stringify(first)).not.toMatch(/SECRET|confidenti/);

    const theirs = await listNotifications({ db, actor: colleague, input: page() });
    expect(theirs.items.map((n) => n.kind)).toEqual(["THREAD_MESSAGE"]);
  });

  it("leaves out notifications about a request the user can no longer see", async () => {
    const { site, request, radiologist } = await setting();
    await notify(radiologist, [
      { kind: "NEW_REQUEST", requestId: request.id },
      { kind: "ESCALATED", requestId: null },
    ]);
    await db.readingPrivilege.updateMany({ where: { userId: radiologist.id, siteId: site.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const withoutPrivilege = await actorOf(db, radiologist.id);
    const list = await listNotifications({ db, actor: withoutPrivilege, input: page() });
    expect(list.items.map((n) => n.kind)).toEqual(["ESCALATED"]);
    expect(list.unreadCount).toBe(1);
  });

  it("marks the user's own notifications read, by id or all, ignores other people's, and audits it", async () => {
    const { request, radiologist, colleague } = await setting();
    await notify(radiologist, [
      { kind: "NEW_REQUEST", requestId: request.id },
      { kind: "VITAL_EMERGENCY", requestId: request.id },
      { kind: "ESCALATED", requestId: request.id },
    ]);
    await notify(colleague, [{ kind: "THREAD_MESSAGE", requestId: request.id }]);
    const mine = (await listNotifications({ db, actor: radiologist, input: page() })).items;
    const theirs = (await listNotifications({ db, actor: colleague, input: page() })).items;

    const byId = await markNotificationsRead({ db, actor: radiologist, input: { ids: [mine[0]!.id, theirs[0]!.id] } });
    expect(byId).toEqual({ count: 1 });
    expect((await listNotifications({ db, actor: colleague, input: page() })).unreadCount).toBe(1);
    const afterOne = await listNotifications({ db, actor: radiologist, input: page() });
    expect(afterOne.unreadCount).toBe(2);
    expect(afterOne.items.map((n) => n.readAt !== null)).toEqual([true, false, false]);
    const firstReadAt = afterOne.items[0]!.readAt;

    const unreadOnly = await listNotifications({ db, actor: radiologist, input: page(20, true) });
    expect(unreadOnly.items.map((n) => n.id)).toEqual([mine[1]!.id, mine[2]!.id]);

    expect(await markNotificationsRead({ db, actor: radiologist, input: { all: true } })).toEqual({ count: 2 });
    const afterAll = await listNotifications({ db, actor: radiologist, input: page() });
    expect(afterAll.unreadCount).toBe(0);
    // Reading again keeps the first reading time.
    expect(afterAll.items[0]!.readAt).toEqual(firstReadAt);
    expect(await markNotificationsRead({ db, actor: radiologist, input: { all: true } })).toEqual({ count: 0 });

    const audits = await db.auditLog.findMany({ where: { actorId: radiologist.id, action: "NOTIFICATIONS_MARKED_READ" }, orderBy: { id: "asc" }, select: { detail: true } });
    expect(audits.map((a) => a.detail)).toEqual([{ count: 1, scope: "ids", ids: [mine[0]!.id] }, { count: 2, scope: "all" }]);
  });

  it("refuses malformed ids through the API as bad input", async () => {
    const { radiologist } = await setting();
    const caller = createCaller({ db, actor: radiologist });
    await expect(caller.notifications.markRead({ ids: ["1; DROP TABLE"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.notifications.list({ limit: 1000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createCaller({ db, actor: null }).notifications.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

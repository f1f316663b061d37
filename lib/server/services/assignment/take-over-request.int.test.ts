import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createUser } from "@/prisma/factories";
import { claimRequest } from "../requests/claim-request";
import { acknowledgeAssignment } from "./acknowledge-assignment";
import { HOUR, at, insertRequests, radiologist, shift, siteWithReferrer } from "./assignment-test-kit";
import { autoAssignRequest } from "./auto-assign-request";
import { getRequestAssignment } from "./get-request-assignment";
import { takeOverRequest } from "./take-over-request";

const db = connectTestDb(8);

async function heldRequest() {
  const { site, referrer } = await siteWithReferrer(db);
  const [holderUser, takerUser, secondTakerUser, foreignUser] = await Promise.all([
    radiologist(db, [site.id], { name: "Dr Détenteur" }),
    radiologist(db, [site.id], { name: "Dr Repreneur" }),
    radiologist(db, [site.id], { name: "Dr Second" }),
    radiologist(db, [], { name: "Dr Étranger" }),
  ]);
  const [holder, taker, secondTaker, foreign] = await Promise.all([holderUser, takerUser, secondTakerUser, foreignUser].map((u) => actorOf(db, u.id)));
  const [requestId] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id });
  await claimRequest({ db, actor: holder!, requestId: requestId! });
  return { site, referrer, holder: holder!, taker: taker!, secondTaker: secondTaker!, foreign: foreign!, requestId: requestId! };
}

describe("taking a request over", () => {
  it("moves the request with a mandatory reason, audits it and tells the previous holder", async () => {
    const t = await heldRequest();
    await expect(takeOverRequest({ db, actor: t.taker, requestId: t.requestId, reason: "   " })).rejects.toMatchObject({ code: "REASON_REQUIRED" });

    await takeOverRequest({ db, actor: t.taker, requestId: t.requestId, reason: "Dr Détenteur au bloc pour une urgence" });
    const row = await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId } });
    expect(row).toMatchObject({ holderId: t.taker.id, holdKind: "TAKEN_OVER" });
    expect(row.holdAcknowledgedAt).not.toBeNull();
    const event = await db.requestEvent.findFirstOrThrow({ where: { requestId: t.requestId, type: "TAKEN_OVER" } });
    expect(event).toMatchObject({ actorId: t.taker.id, reason: "Dr Détenteur au bloc pour une urgence" });
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: t.requestId, action: "REQUEST_TAKEN_OVER" }, select: { actorId: true, detail: true } })).toEqual({
      actorId: t.taker.id,
      detail: { previousHolderId: t.holder.id, reason: "Dr Détenteur au bloc pour une urgence" },
    });
    expect(await db.notification.findMany({ where: { requestId: t.requestId }, select: { userId: true, kind: true, detail: true } })).toEqual([
      { userId: t.holder.id, kind: "TAKEN_OVER_FROM_ME", detail: { by: "Dr Repreneur", authorName: "Dr Repreneur" } },
    ]);

    const seenByHolder = await getRequestAssignment({ db, actor: t.holder, requestId: t.requestId });
    expect(seenByHolder).toMatchObject({ holdKind: "TAKEN_OVER", takeOver: { byName: "Dr Repreneur", reason: "Dr Détenteur au bloc pour une urgence" }, can: { acknowledge: false, takeOver: true } });
  });

  it("refuses taking over one's own request, a request in the pool, or one of a site the radiologist does not read for", async () => {
    const t = await heldRequest();
    await expect(takeOverRequest({ db, actor: t.holder, requestId: t.requestId, reason: "moi" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(takeOverRequest({ db, actor: t.foreign, requestId: t.requestId, reason: "pourquoi pas" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const head = await actorOf(db, (await createUser(db, { role: "DEPARTMENT_HEAD" })).id);
    await expect(takeOverRequest({ db, actor: head, requestId: t.requestId, reason: "chef" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [pooled] = await insertRequests(db, { siteId: t.site.id, requesterId: t.referrer.id });
    await expect(takeOverRequest({ db, actor: t.taker, requestId: pooled!, reason: "libre" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("lets exactly one of two concurrent take-overs win; the other is told who holds it", async () => {
    for (let round = 0; round < 10; round++) {
      const t = await heldRequest();
      const outcomes = await Promise.allSettled([
        takeOverRequest({ db, actor: t.taker, requestId: t.requestId, reason: "urgence" }),
        takeOverRequest({ db, actor: t.secondTaker, requestId: t.requestId, reason: "urgence aussi" }),
      ]);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(AppError);
      const holder = (await db.readingRequest.findUniqueOrThrow({ where: { id: t.requestId }, select: { holder: { select: { displayName: true } } } })).holder!;
      expect((lost[0] as AppError).details.holderName).toBe(holder.displayName);
      expect(await db.requestEvent.count({ where: { requestId: t.requestId, type: "TAKEN_OVER" } })).toBe(1);
    }
  });
});

describe("acknowledging an assignment", () => {
  it("is for the holder only, records the acknowledgement once, and shows in the request's assignment view", async () => {
    const now = new Date();
    const { site, referrer } = await siteWithReferrer(db, { autoAssign: true });
    const assignee = await radiologist(db, [site.id], { name: "Dr Assignée" });
    const colleague = await actorOf(db, (await radiologist(db, [site.id])).id);
    await shift(db, { radiologistId: assignee.id, siteIds: [site.id], startsAt: at(now, -HOUR), endsAt: at(now, HOUR) });
    const [requestId] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id });
    await autoAssignRequest({ db, requestId: requestId!, now });
    const holder = await actorOf(db, assignee.id);

    const before = await getRequestAssignment({ db, actor: holder, requestId: requestId! });
    expect(before).toMatchObject({ holdKind: "AUTO_ASSIGNED", holdAcknowledgedAt: null, explanation: { chosenName: "Dr Assignée", rule: "ONLY_ELIGIBLE" }, can: { acknowledge: true, takeOver: false } });
    const referrerView = await getRequestAssignment({ db, actor: await actorOf(db, referrer.id), requestId: requestId! });
    expect(referrerView.explanation?.candidates).toEqual([]);

    await expect(acknowledgeAssignment({ db, actor: colleague, requestId: requestId! })).rejects.toMatchObject({ code: "NOT_HOLDER" });
    expect(await acknowledgeAssignment({ db, actor: holder, requestId: requestId! })).toEqual({ requestId, alreadyAcknowledged: false });
    expect(await acknowledgeAssignment({ db, actor: holder, requestId: requestId! })).toEqual({ requestId, alreadyAcknowledged: true });
    expect(await db.requestEvent.count({ where: { requestId: requestId!, type: "ASSIGNMENT_ACKNOWLEDGED" } })).toBe(1);
    expect(await getRequestAssignment({ db, actor: holder, requestId: requestId! })).toMatchObject({ can: { acknowledge: false } });
  });
});

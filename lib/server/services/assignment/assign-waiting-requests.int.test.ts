import { describe, expect, it } from "vitest";
import { connectTestDb } from "@/lib/testing/test-db";
import { assignWaitingRequests } from "./assign-waiting-requests";
import { at, HOUR, insertRequests, radiologist, shift, siteWithReferrer } from "./assignment-test-kit";
import { autoAssignRequest } from "./auto-assign-request";

const db = connectTestDb(6);

describe("a shift starts: requests waiting in the pool are assigned", () => {
  it("assigns what nobody eligible could take before, most urgent first, once, and ignores a moved shift", async () => {
    const now = new Date();
    const { site, referrer } = await siteWithReferrer(db, { autoAssign: true });
    const [routine] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, priority: "ROUTINE", submittedAt: at(now, -2 * HOUR) });
    const [vital] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, priority: "VITAL", submittedAt: at(now, -HOUR) });
    // Nobody on call when they arrived: they stayed in the pool.
    expect(await autoAssignRequest({ db, requestId: vital!, now: at(now, -HOUR) })).toMatchObject({ kind: "SKIPPED", reason: "NOBODY_ELIGIBLE" });

    const newcomer = await radiologist(db, [site.id], { name: "Dr Relève" });
    const started = await shift(db, { radiologistId: newcomer.id, siteIds: [site.id], startsAt: now, endsAt: at(now, 12 * HOUR) });

    expect(await assignWaitingRequests({ db, shiftId: started.id, scheduledStart: at(now, -HOUR), now })).toEqual({ assigned: 0 });
    expect(await assignWaitingRequests({ db, shiftId: started.id, scheduledStart: now, now })).toEqual({ assigned: 2 });
    const held = await db.readingRequest.findMany({ where: { id: { in: [routine!, vital!] } }, select: { id: true, holderId: true, claimedAt: true, holdKind: true } });
    expect(held.every((request) => request.holderId === newcomer.id && request.holdKind === "AUTO_ASSIGNED")).toBe(true);

    // Run again (a retry, a restart): nothing more happens.
    expect(await assignWaitingRequests({ db, shiftId: started.id, scheduledStart: now, now })).toEqual({ assigned: 0 });
    expect(await db.requestEvent.count({ where: { requestId: { in: [routine!, vital!] }, type: "ASSIGNED" } })).toBe(2);
  });

  it("leaves the pool alone for a site without automatic assignment", async () => {
    const now = new Date();
    const { site, referrer } = await siteWithReferrer(db);
    const [waiting] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id });
    const reader = await radiologist(db, [site.id]);
    const started = await shift(db, { radiologistId: reader.id, siteIds: [site.id], startsAt: now, endsAt: at(now, HOUR) });
    expect(await assignWaitingRequests({ db, shiftId: started.id, scheduledStart: now, now })).toEqual({ assigned: 0 });
    expect((await db.readingRequest.findUniqueOrThrow({ where: { id: waiting! } })).holderId).toBeNull();
  });
});

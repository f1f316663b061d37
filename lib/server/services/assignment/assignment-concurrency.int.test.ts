import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { claimRequest } from "../requests/claim-request";
import { at, HOUR, insertRequests, radiologist, shift, siteWithReferrer } from "./assignment-test-kit";
import { autoAssignRequest } from "./auto-assign-request";

const db = connectTestDb(24);
const REQUESTS = 1200;

describe("automatic assignment racing manual claims", () => {
  it("never gives a request two holders: 4 auto-assigners and 4 claimers over 1,200 requests", { timeout: 240_000 }, async () => {
    const now = new Date();
    const { site, referrer } = await siteWithReferrer(db, { autoAssign: true });
    const onCall = await Promise.all(Array.from({ length: 4 }, (_, i) => radiologist(db, [site.id], { name: `Dr Garde ${i}` })));
    await Promise.all(onCall.map((r) => shift(db, { radiologistId: r.id, siteIds: [site.id], startsAt: at(now, -HOUR), endsAt: at(now, 12 * HOUR) })));
    const claimers = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => actorOf(db, (await radiologist(db, [site.id], { name: `Dr Pool ${i}` })).id)),
    );
    const ids = [
      ...(await insertRequests(db, { siteId: site.id, requesterId: referrer.id, count: REQUESTS / 3, priority: "VITAL" })),
      ...(await insertRequests(db, { siteId: site.id, requesterId: referrer.id, count: REQUESTS / 3, priority: "URGENT" })),
      ...(await insertRequests(db, { siteId: site.id, requesterId: referrer.id, count: REQUESTS / 3, priority: "ROUTINE" })),
    ];
    // Each worker walks the list from its own starting point, so they collide everywhere.
    const orderFor = (worker: number) => ids.map((_, i) => ids[(i + worker * 151) % ids.length]!);

    const assigners = Array.from({ length: 4 }, async (_, worker) => {
      let won = 0;
      for (const requestId of orderFor(worker)) {
        const outcome = await autoAssignRequest({ db, requestId, now });
        if (outcome.kind === "ASSIGNED") won++;
        else expect(outcome.reason).toBe("HELD");
      }
      return won;
    });
    const claiming = claimers.map(async (actor, worker) => {
      let won = 0;
      for (const requestId of orderFor(worker + 4)) {
        try {
          if (!(await claimRequest({ db, actor, requestId })).alreadyHeld) won++;
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "ALREADY_CLAIMED") throw error;
        }
      }
      return won;
    });
    const [assigned, claimed] = await Promise.all([Promise.all(assigners), Promise.all(claiming)]);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(assigned) + sum(claimed)).toBe(REQUESTS);
    // Both sides won some: the race was real.
    expect(sum(assigned)).toBeGreaterThan(0);
    expect(sum(claimed)).toBeGreaterThan(0);

    const rows = await db.readingRequest.findMany({
      where: { id: { in: ids } },
      select: {
        holderId: true,
        holdKind: true,
        events: { where: { type: { in: ["ASSIGNED", "CLAIMED"] } }, select: { type: true, actorId: true } },
      },
    });
    expect(rows).toHaveLength(REQUESTS);
    for (const row of rows) {
      expect(row.holderId).not.toBeNull();
      expect(row.events).toHaveLength(1);
      const [event] = row.events;
      if (event!.type === "CLAIMED") expect({ kind: row.holdKind, actor: event!.actorId }).toEqual({ kind: "CLAIMED", actor: row.holderId });
      else expect(row.holdKind).toBe("AUTO_ASSIGNED");
    }
    // The automatic share went to the on-call radiologists only, spread among them.
    const autoHolders = rows.filter((row) => row.holdKind === "AUTO_ASSIGNED").map((row) => row.holderId);
    expect(new Set(autoHolders).size).toBe(onCall.length);
    expect(autoHolders.every((id) => onCall.some((r) => r.id === id))).toBe(true);
  });
});

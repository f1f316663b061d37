import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { claimRequest } from "./claim-request";
import { getRequest } from "./get-request";
import { releaseRequest } from "./release-request";
import { submitRequest } from "./submit-request";

const db = connectTestDb(16);

async function territory() {
  const site = await createSite(db);
  const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
  return { site, referrer: await actorOf(db, referrer.id) };
}

describe("claiming a request", () => {
  it("gives each of 500 requests to exactly one of 8 concurrent claimers and tells every loser who holds it", async () => {
    const { site, referrer } = await territory();
    const radiologists = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: `Dr Claimer ${i}` })),
    );
    const actors = await Promise.all(radiologists.map((r) => actorOf(db, r.id)));
    const requestIds: string[] = [];
    // Submitted eight at a time: the claims are what this test is about.
    for (let i = 0; i < 500; i += 8) {
      const batch = await Promise.all(Array.from({ length: Math.min(8, 500 - i) }, () => submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() })));
      requestIds.push(...batch.map((b) => b.requestId));
    }

    const outcomes = await Promise.all(
      actors.map(async (actor, claimerIndex) => {
        // Each claimer walks the list from a different starting point, so they collide everywhere.
        const order = requestIds.map((_, i) => requestIds[(i + claimerIndex * 61) % requestIds.length]!);
        const results: { requestId: string; won: boolean; holderName?: string }[] = [];
        for (const requestId of order) {
          try {
            const result = await claimRequest({ db, actor, requestId });
            results.push({ requestId, won: !result.alreadyHeld });
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== "ALREADY_CLAIMED") throw error;
            results.push({ requestId, won: false, holderName: String(error.details.holderName) });
          }
        }
        return { actor, results };
      }),
    );

    const rows = await db.readingRequest.findMany({
      where: { id: { in: requestIds } },
      select: { id: true, holder: { select: { id: true, displayName: true } }, _count: { select: { events: { where: { type: "CLAIMED" } } } } },
    });
    expect(rows).toHaveLength(500);
    for (const row of rows) {
      expect(row.holder).not.toBeNull();
      expect(row._count.events).toBe(1);
    }
    const holderOf = new Map(rows.map((row) => [row.id, row.holder!]));

    let wins = 0;
    let losses = 0;
    for (const { actor, results } of outcomes) {
      for (const result of results) {
        if (result.won) {
          wins++;
          expect(holderOf.get(result.requestId)!.id).toBe(actor.id);
        } else {
          losses++;
          expect(result.holderName).toBe(holderOf.get(result.requestId)!.displayName);
        }
      }
    }
    expect(wins).toBe(500);
    expect(losses).toBe(500 * 7);
    // 4,500 database transactions: minutes on a loaded 2-core machine, and correctness is the point.
  }, 240_000);

  it("lets the holder release the request, records both events in the timeline, and refuses a release by someone else", async () => {
    const { site, referrer } = await territory();
    const [a, b] = await Promise.all([
      createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
      createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    ]);
    const holder = await actorOf(db, a!.id);
    const other = await actorOf(db, b!.id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });

    await claimRequest({ db, actor: holder, requestId });
    await expect(releaseRequest({ db, actor: other, requestId })).rejects.toMatchObject({ code: "NOT_HOLDER" });
    await releaseRequest({ db, actor: holder, requestId, reason: "Fin de garde" });
    await claimRequest({ db, actor: other, requestId });

    const detail = await getRequest({ db, actor: other, requestId });
    expect(detail.holder?.id).toBe(other.id);
    expect(detail.timeline.map((e) => [e.type, e.actor?.id])).toEqual([
      ["SUBMITTED", referrer.id],
      ["CLAIMED", holder.id],
      ["RELEASED", holder.id],
      ["CLAIMED", other.id],
    ]);
    expect(detail.timeline[2]!.reason).toBe("Fin de garde");
  });

  it("treats a second claim by the holder as already held, not as an error", async () => {
    const { site, referrer } = await territory();
    const radiologist = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    expect(await claimRequest({ db, actor: radiologist, requestId })).toEqual({ requestId, alreadyHeld: false });
    expect(await claimRequest({ db, actor: radiologist, requestId })).toEqual({ requestId, alreadyHeld: true });
    expect(await db.requestEvent.count({ where: { requestId, type: "CLAIMED" } })).toBe(1);
  });
});

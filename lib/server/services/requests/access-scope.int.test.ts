import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { claimRequest } from "./claim-request";
import { getRequest } from "./get-request";
import { isRequestVisible } from "./is-request-visible";
import { listWorklist } from "./list-worklist";
import { submitRequest } from "./submit-request";

const db = connectTestDb();
const noFilter = { statuses: [], siteIds: [], priorities: [], types: [] };

async function twoSites() {
  const [a, b] = await Promise.all([createSite(db), createSite(db)]);
  const referrerA = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: a.id })).id);
  const referrerB = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: b.id })).id);
  const { requestId } = await submitRequest({ db, actor: referrerA, input: teleDiagnosticRequest() });
  return { a, b, referrerA, referrerB, requestId };
}

describe("site scoping", () => {
  it("answers a foreign site's request exactly like a missing one", async () => {
    const { referrerB, requestId } = await twoSites();
    const foreign = await getRequest({ db, actor: referrerB, requestId }).catch((e: unknown) => e);
    const missing = await getRequest({ db, actor: referrerB, requestId: randomUUID() }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "Request not found" });
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: "Request not found" });
    expect(await isRequestVisible({ db, actor: referrerB, requestId })).toBe(false);
  });

  it("keeps another site's requests out of a referrer's worklist", async () => {
    const { referrerA, referrerB, requestId } = await twoSites();
    expect((await listWorklist({ db, actor: referrerA, filter: noFilter })).map((r) => r.id)).toContain(requestId);
    expect((await listWorklist({ db, actor: referrerB, filter: noFilter })).map((r) => r.id)).not.toContain(requestId);
  });

  it("hides a site from a radiologist without a privilege for it, and from one whose privilege expired", async () => {
    const { a, b, requestId } = await twoSites();
    const outsider = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [b.id] })).id);
    await expect(getRequest({ db, actor: outsider, requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(claimRequest({ db, actor: outsider, requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listWorklist({ db, actor: outsider, filter: { ...noFilter, siteIds: [a.id] } }))).toEqual([]);

    const expired = await createUser(db, { role: "RADIOLOGIST" });
    await db.readingPrivilege.create({ data: { userId: expired.id, siteId: a.id, expiresAt: new Date(Date.now() - 60_000) } });
    await expect(getRequest({ db, actor: await actorOf(db, expired.id), requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a radiologist the requests of every site they read for, most urgent first", async () => {
    const { a, b, referrerA, referrerB } = await twoSites();
    const reader = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [a.id, b.id] })).id);
    const routine = await submitRequest({ db, actor: referrerA, input: teleDiagnosticRequest({ priority: "ROUTINE" }) });
    const vital = await submitRequest({ db, actor: referrerB, input: teleDiagnosticRequest({ priority: "VITAL" }) });

    const rows = await listWorklist({ db, actor: reader, filter: noFilter });
    const ids = rows.map((r) => r.id);
    expect(ids.indexOf(vital.requestId)).toBeLessThan(ids.indexOf(routine.requestId));
    expect(new Set(rows.map((r) => r.site.id))).toEqual(new Set([a.id, b.id]));

    const onlyVital = await listWorklist({ db, actor: reader, filter: { ...noFilter, priorities: ["VITAL"] } });
    expect(onlyVital.map((r) => r.id)).toEqual([vital.requestId]);
  });
});

import { describe, expect, it } from "vitest";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { bumpDataVersion } from "../../realtime/data-version";
import { acknowledgeCriticalFinding } from "../critical/acknowledge-critical-finding";
import { flagCriticalFinding } from "../critical/flag-critical-finding";
import { claimRequest } from "./claim-request";
import { listWorklist } from "./list-worklist";
import { submitRequest } from "./submit-request";

const db = connectTestDb();
const noFilter = { statuses: [], siteIds: [], priorities: [], types: [] };

describe("the shared worklist", () => {
  it("never serves rows computed before a change to a reader who asks after it", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const [a, b] = await Promise.all([
      createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
      createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    ]);
    const first = await actorOf(db, a.id);
    const second = await actorOf(db, b.id);

    expect(await listWorklist({ db, actor: first, filter: noFilter })).toEqual([]);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    // Same scope and filters as the read just served: it must still see the new request.
    expect((await listWorklist({ db, actor: second, filter: noFilter })).map((r) => r.id)).toEqual([requestId]);

    await claimRequest({ db, actor: second, requestId });
    const [row] = await listWorklist({ db, actor: first, filter: noFilter });
    expect(row?.holder?.id).toBe(second.id);
  });

  it("audits every reader's worklist read, each under their own name", async () => {
    const site = await createSite(db);
    const readers = await Promise.all(
      Array.from({ length: 5 }, async () => actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id)),
    );
    await Promise.all(readers.map((actor) => listWorklist({ db, actor, filter: noFilter })));
    await flushReadAudits();
    const audited = await db.auditLog.findMany({
      where: { action: "WORKLIST_READ", actorId: { in: readers.map((r) => r.id) } },
      select: { actorId: true },
    });
    expect(new Set(audited.map((row) => row.actorId))).toEqual(new Set(readers.map((r) => r.id)));
  });

  it("marks an escalated request while nobody has taken it", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const reader = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] })).id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    const rowOf = async () => (await listWorklist({ db, actor: reader, filter: { ...noFilter, siteIds: [site.id] } })).find((row) => row.id === requestId);

    expect((await rowOf())?.escalated).toBe(false);
    // Escalating is the ladder's business (tested there); here the request simply escalated.
    await db.readingRequest.update({ where: { id: requestId }, data: { escalationLevel: 1, escalatedAt: new Date(), version: { increment: 1 } } });
    bumpDataVersion(); // as the announced change would: the shared rows are recomputed
    expect((await rowOf())?.escalated).toBe(true);
    await claimRequest({ db, actor: reader, requestId });
    expect((await rowOf())?.escalated).toBe(false);
  });

  it("keeps a request with an unacknowledged critical finding on the list after signing, marked, for those who read reports; the acknowledgement removes it", async () => {
    const site = await createSite(db);
    const [referrer, radiographer, reader] = await Promise.all([
      createUser(db, { role: "REFERRER", siteId: site.id }),
      createUser(db, { role: "RADIOGRAPHER", siteId: site.id }),
      createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    ]).then((users) => Promise.all(users.map((user) => actorOf(db, user.id))));
    const { requestId } = await submitRequest({ db, actor: referrer!, input: teleDiagnosticRequest() });
    await claimRequest({ db, actor: reader!, requestId });
    await db.readingRequest.update({ where: { id: requestId }, data: { status: "IN_READING", readingStartedAt: new Date() } });
    const { findingId } = await flagCriticalFinding({ db, actor: reader!, input: { requestId, category: "MINUTES", description: "Hémorragie méningée" } });
    // Signing delivers the report and closes the request; the finding's loop is still open.
    await db.readingRequest.update({ where: { id: requestId }, data: { status: "DELIVERED", version: { increment: 1 } } });
    bumpDataVersion();
    const rowFor = async (actor: typeof referrer) => (await listWorklist({ db, actor: actor!, filter: noFilter })).find((row) => row.id === requestId);

    expect((await rowFor(referrer))?.criticalOpen).toBe(1);
    expect((await rowFor(reader))?.criticalOpen).toBe(1);
    // Radiographers take no part in the findings: the closed request is not theirs to see on the list.
    expect(await rowFor(radiographer)).toBeUndefined();

    await acknowledgeCriticalFinding({ db, actor: referrer!, input: { findingId } });
    expect(await rowFor(referrer)).toBeUndefined();
    expect(await rowFor(reader)).toBeUndefined();
  });
});

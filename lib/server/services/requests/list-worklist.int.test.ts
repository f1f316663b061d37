import { describe, expect, it } from "vitest";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { flushReadAudits } from "../../audit/read-audit-buffer";
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
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectFreshTestDb, connectTestDb } from "@/lib/testing/test-db";
import { createDbClient } from "../db/client";
import { completeQuietStudies } from "../imaging/studies/complete-study-images";
import { enqueueJob } from "../jobs/enqueue-job";
import type { JobHandlers } from "../jobs/job-handler";
import { runDueJobs } from "../jobs/run-due-jobs";
import { TurnaroundIndex } from "../services/dashboard/turnaround-index";
import { submitRequest } from "../services/requests/submit-request";

// What every instance runs on its own timer, run by two instances at once (two database
// clients, as two processes have): each piece of work is done once, and what one instance
// reads reflects what the other wrote.

const db = connectTestDb(6);
const other = connectTestDb(6);

describe("two instances' background work on one database", () => {
  it("completes each quiet study once, with one audit row, when both sweepers run together", async () => {
    const site = await createSite(db);
    const patient = await db.dicomPatient.create({ data: { siteId: site.id, groupKey: `id:test:${randomUUID()}`, patientId: "P1", name: "TEST^QUIET" } });
    // Long quiet, at a time no other test's study has: the sweeps below see only these.
    const lastInstanceAt = new Date("2001-03-01T08:00:00Z");
    const studies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.dicomStudy.create({ data: { studyInstanceUid: `1.2.826.0.1.${Date.now()}.${i}`, siteId: site.id, patientRef: patient.id, lastInstanceAt, receivedAt: lastInstanceAt }, select: { id: true } }),
      ),
    );
    const now = new Date(lastInstanceAt.getTime() + 61_000);

    const [a, b] = await Promise.all([completeQuietStudies({ db, quietSeconds: 60, now }), completeQuietStudies({ db: other, quietSeconds: 60, now })]);
    expect(a + b).toBe(studies.length);
    const audits = await db.auditLog.groupBy({ by: ["entityId"], where: { action: "IMAGES_COMPLETED_AUTOMATICALLY", entityId: { in: studies.map((s) => s.id) } }, _count: true });
    expect(audits).toHaveLength(studies.length);
    expect(audits.every((row) => row._count === 1)).toBe(true);
  });

  it("runs each due job once when two workers poll together", async () => {
    const runAt = new Date(Date.now() - 1000);
    const ids: bigint[] = [];
    for (let i = 0; i < 30; i += 1) {
      const requestId = randomUUID();
      await db.$transaction((tx) => enqueueJob(tx, { kind: "escalation.check", payload: { requestId, level: 1 }, runAt, dedupeKey: `escalation.check:${requestId}:1` }));
      ids.push((await db.job.findFirstOrThrow({ where: { dedupeKey: `escalation.check:${requestId}:1` }, select: { id: true } })).id);
    }
    const ran: string[] = [];
    const handle = (payload: { requestId?: string; shiftId?: string; findingId?: string; messageId?: string; exportId?: string }) => {
      ran.push(payload.requestId ?? "");
      // A little work, so that the two runners overlap.
      return new Promise<void>((resolve) => setTimeout(resolve, 5));
    };
    const handlers: JobHandlers = { "assignment.auto": handle, "escalation.check": handle, "shift.started": handle, "shift.ended": handle, "rota.offCall": handle, "critical.escalation": handle, "hl7.send": handle, "pacs.storeReport": handle };
    const drain = async (client: typeof db) => {
      let taken = 0;
      for (;;) {
        const result = await runDueJobs({ db: client, now: new Date(), handlers, limit: 4, jobIds: ids });
        taken += result.taken;
        if (result.taken === 0) return taken;
      }
    };
    const [a, b] = await Promise.all([drain(db), drain(other)]);
    expect(a + b).toBe(ids.length);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(new Set(ran).size).toBe(ids.length);
    expect(ran).toHaveLength(ids.length);
    expect(await db.job.count({ where: { id: { in: ids }, state: "DONE", attempts: 1 } })).toBe(ids.length);
  });
});

describe("the dashboards' turnaround index on two instances", () => {
  const fresh = connectFreshTestDb("cluster_turnaround");

  it("shows on instance 2 the requests submitted through instance 1, from the database alone", async () => {
    const one = fresh.current();
    // A second client on the fresh database: the other instance's own pool.
    const two = createDbClient(fresh.url(), 2);
    const site = await createSite(one);
    const referrer = await actorOf(one, (await createUser(one, { role: "REFERRER", siteId: site.id })).id);
    const indexOnTwo = new TurnaroundIndex();
    expect((await indexOnTwo.catchUp(two)).rows).toBe(0);

    for (let i = 0; i < 3; i += 1) await submitRequest({ db: one, actor: referrer, input: teleDiagnosticRequest() });
    expect((await indexOnTwo.catchUp(two)).rows).toBe(3);
    await two.$disconnect();
  });
});

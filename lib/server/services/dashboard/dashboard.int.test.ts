import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { dashboardQuerySchema, drillDownSchema, type DashboardQueryInput } from "@/lib/domain/dashboard/dashboard-schemas";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { wallClockToInstant } from "@/lib/domain/rota/wall-clock";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import type { HistoryTimeline } from "@/prisma/demo-history-spec";
import { createSite, createUser } from "@/prisma/factories";
import { insertTimeline } from "@/prisma/insert-timeline";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import { createCaller } from "../../trpc/app-router";
import { errorShapeData } from "../../trpc/error-mapping";
import { exportCsv } from "../exports/export-csv";
import { drillDown } from "./drill-down";
import { getDashboardView } from "./get-dashboard-view";

const db = connectTestDb(4);
const MIN = 60;
// Long after every timeline: nothing is open except what a test makes open.
const NOW = new Date("2026-04-01T12:00:00Z");

type Spec = Omit<HistoryTimeline, "siteCode" | "daysAgo" | "time" | "reader">;
const td = (priority: Spec["priority"], steps: Partial<Spec>): Spec => ({ priority, type: "TELEDIAGNOSTIC", modality: "CT", ...steps });

let t: Awaited<ReturnType<typeof territory>>;
const ids: string[] = [];

async function territory() {
  const site = await createSite(db, "Site des délais");
  const [referrer, r1, r2, head, radiologist] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: "Dr Alpha Délais" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: "Dr Bravo Délais" }),
    createUser(db, { role: "DEPARTMENT_HEAD" }).then((user) => actorOf(db, user.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }).then((user) => actorOf(db, user.id)),
  ]);
  return { site, referrer, r1, r2, head, radiologist };
}

async function add(local: string, readerId: string, spec: Spec): Promise<string> {
  const { id } = await insertTimeline(db, { siteId: t.site.id, requesterId: t.referrer.id, readerId, submittedAt: wallClockToInstant(local), timeline: spec });
  ids.push(id);
  return id;
}

// February 2026 at one site: five urgent requests (three signed, one refused, one cancelled),
// one vital, and one urgent in March (outside the period).
let late: string;
beforeAll(async () => {
  t = await territory();
  await add("2026-02-03T09:00", t.r1.id, td("URGENT", { decided: 6, complete: 31, claimed: 35, signed: 58, acknowledged: 75 }));
  late = await add("2026-02-10T14:00", t.r2.id, td("URGENT", { decided: 12, complete: 45, claimed: 52, signed: 96, acknowledged: 130 }));
  await add("2026-02-17T22:00", t.r1.id, td("URGENT", { modality: "CR", decided: 4, complete: 20, claimed: 29, signed: 41, acknowledged: 44 }));
  await add("2026-02-20T11:00", t.r1.id, td("URGENT", { decided: 8, refusedReason: "Pas d'indication." }));
  await add("2026-02-24T08:00", t.r2.id, td("VITAL", { decided: 3, complete: 14, claimed: 16, signed: 29, acknowledged: 33 }));
  await add("2026-02-25T16:00", t.r1.id, td("URGENT", { cancelled: 15, cancelReason: "Patient transféré." }));
  await add("2026-03-02T10:00", t.r1.id, td("URGENT", { decided: 5, complete: 20, claimed: 22, signed: 50 }));
});

const query = (input: Partial<DashboardQueryInput> & { priorities?: ("VITAL" | "URGENT" | "ROUTINE")[] } = {}) => {
  const { priorities = [], ...rest } = input;
  return dashboardQuerySchema.parse({ filter: { from: "2026-02-01", to: "2026-02-28", siteIds: [t.site.id], priorities }, ...rest });
};

describe("turnaround figures of a seeded timeline", () => {
  it("gives the hand-computed figures of the urgent requests of February", async () => {
    const view = await getDashboardView({ db, actor: t.head, query: query({ priorities: ["URGENT"] }), now: NOW });
    expect(view.totals).toEqual({ submitted: 5, open: 0, signed: 3, cancelled: 1, refused: 1 });
    const figures = (segment: Segment) => view.summary.find((row) => row.segment === segment)!;
    // Signed after 58, 96 and 41 min: median (2nd of 3) 58, 90th percentile 96, all within 3 h.
    expect(figures("SUBMITTED_TO_SIGNED")).toEqual({ segment: "SUBMITTED_TO_SIGNED", count: 3, open: 0, median: 58 * MIN, p90: 96 * MIN, within: 3, judged: 3, share: 1 });
    // Decisions after 6, 12, 4 and 8 min (the refusal is a decision; the cancelled one never had one).
    expect(figures("SUBMITTED_TO_DECIDED")).toMatchObject({ count: 4, median: 6 * MIN, p90: 12 * MIN, within: 4 });
    expect(figures("COMPLETE_TO_CLAIMED")).toMatchObject({ count: 3, median: 7 * MIN, p90: 9 * MIN });
    // Read in 23, 44 and 12 min: the 44 min one overran the 40 min target.
    expect(figures("CLAIMED_TO_SIGNED")).toMatchObject({ count: 3, median: 23 * MIN, p90: 44 * MIN, within: 2, judged: 3 });
    expect(figures("COMPLETE_TO_SIGNED")).toMatchObject({ count: 3, median: 27 * MIN, p90: 51 * MIN, within: 3 });
    expect(figures("SIGNED_TO_ACKNOWLEDGED")).toMatchObject({ count: 3, median: 17 * MIN, p90: 34 * MIN, within: 3 });
  });

  it("breaks the period down by radiologist, the unsigned ones apart", async () => {
    const view = await getDashboardView({ db, actor: t.head, query: query({ breakdown: "radiologist" }), now: NOW });
    expect(view.breakdown.groups.map((group) => [group.key === "none" ? "none" : group.label, group.submitted])).toEqual([
      ["Dr Alpha Délais", 2],
      ["Dr Bravo Délais", 2],
      ["none", 2],
    ]);
  });

  it("drills down to the request behind a missed target, without the patient's identity", async () => {
    const page = await drillDown({
      db,
      actor: t.head,
      input: drillDownSchema.parse({ filter: query({ priorities: ["URGENT"] }).filter, segment: "CLAIMED_TO_SIGNED", outcome: "missed" }),
      now: NOW,
    });
    expect(page.total).toBe(1);
    expect(page.rows).toEqual([expect.objectContaining({ requestId: late, durationS: 44 * MIN, targetS: 2400, within: false, radiologistName: "Dr Bravo Délais", priority: "URGENT" })]);
    expect(JSON.stringify(page)).not.toContain("HISTORIQUE");
    await flushReadAudits();
    expect(await db.auditLog.count({ where: { actorId: t.head.id, action: "DASHBOARD_DRILLED_DOWN" } })).toBeGreaterThan(0);
  });

  it("catches up with a request signed after the first reading of the figures", async () => {
    const before = await getDashboardView({ db, actor: t.head, query: query({ priorities: ["VITAL"] }), now: NOW });
    await add("2026-02-26T03:00", t.r2.id, td("VITAL", { decided: 2, complete: 10, claimed: 12, signed: 40 }));
    const after = await getDashboardView({ db, actor: t.head, query: query({ priorities: ["VITAL"] }), now: NOW });
    const signed = (view: typeof before) => view.summary.find((row) => row.segment === "SUBMITTED_TO_SIGNED")!;
    expect(signed(before)).toMatchObject({ count: 1, median: 29 * MIN });
    expect(signed(after)).toMatchObject({ count: 2, median: 29 * MIN, p90: 40 * MIN });
  });

  it("counts a claim that committed before the completion it raced with, as the rebuild does", async () => {
    // The claim is recorded first but timed after the completion (which took its time before waiting for the row).
    const id = await add("2026-02-27T10:00", t.r1.id, td("ROUTINE", { decided: 5 }));
    const minutesAfter = (minutes: number) => new Date(wallClockToInstant("2026-02-27T10:00").getTime() + minutes * 60_000);
    await db.requestEvent.create({ data: { requestId: id, actorId: t.r2.id, type: "TAKEN_OVER", at: minutesAfter(22), reason: "Relève" } });
    await db.requestEvent.create({ data: { requestId: id, actorId: t.referrer.id, type: "IMAGES_COMPLETE", fromStatus: "INDICATION_ACCEPTED", toStatus: "IMAGES_COMPLETE", at: minutesAfter(20) } });
    const row = await db.requestMilestones.findUniqueOrThrow({ where: { requestId: id } });
    expect(row.claimedAt).toEqual(minutesAfter(22));
  });

  it("derives the same milestones from the events whether by trigger or by rebuild, keeping the rows' slots", async () => {
    const read = () => db.requestMilestones.findMany({ where: { requestId: { in: ids } }, orderBy: { requestId: "asc" }, omit: { txid: true } });
    const byTrigger = await read();
    expect(byTrigger).toHaveLength(ids.length);
    const [rebuilt] = await db.$queryRaw<{ written: bigint }[]>`SELECT request_milestones_rebuild(${ids}::uuid[]) AS written`;
    expect(Number(rebuilt?.written)).toBe(ids.length);
    expect(await read()).toEqual(byTrigger);
  });
});

describe("who may see the figures", () => {
  async function failure(promise: Promise<unknown>) {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const data = errorShapeData(error as TRPCError);
    return { status: getHTTPStatusCodeFromError(error as TRPCError), fieldErrors: data.fieldErrors };
  }

  it("refuses the dashboard to a radiologist and answers 400 to a reversed period", async () => {
    const input = { filter: { from: "2026-02-01", to: "2026-02-28" } };
    expect(await failure(createCaller({ db, actor: t.radiologist as Actor }).dashboard.view(input))).toMatchObject({ status: 403 });
    expect(await failure(createCaller({ db, actor: t.radiologist as Actor }).dashboard.drillDown(input))).toMatchObject({ status: 403 });
    expect(await failure(createCaller({ db, actor: t.head }).dashboard.view({ filter: { from: "2026-02-28", to: "2026-02-01" } }))).toMatchObject({
      status: 400,
      fieldErrors: { "filter.to": "dashboard.validation.periodOrder" },
    });
  });

  it("exports tables as CSV, and marks the export of per-radiologist figures in the audit", async () => {
    const byRadiologist = await exportCsv({ db, actor: t.head, table: "dashboard-breakdown", rawInput: query({ breakdown: "radiologist" }), now: NOW, locale: "fr" });
    expect(byRadiologist.csv).toContain("Dr Alpha Délais");
    expect(byRadiologist.csv.split("\r\n")[0]).toContain("Dimension;Groupe;Soumises;Segment");
    const summary = await exportCsv({ db, actor: t.head, table: "dashboard-summary", rawInput: query({ priorities: ["URGENT"] }), now: NOW, locale: "fr" });
    expect(summary.csv).toContain("Soumission → signature;3;0;58;96;3;3;100;180");

    const exports = await db.auditLog.findMany({ where: { actorId: t.head.id, action: "DASHBOARD_EXPORTED" }, orderBy: { id: "asc" } });
    expect(exports.map((row) => [row.entityId, (row.detail as { perRadiologist: boolean }).perRadiologist])).toEqual([
      ["dashboard-breakdown", true],
      ["dashboard-summary", false],
    ]);
    await expect(exportCsv({ db, actor: t.radiologist, table: "dashboard-summary", rawInput: query(), now: NOW, locale: "fr" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportCsv({ db, actor: t.head, table: "nope", rawInput: {}, now: NOW, locale: "fr" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportCsv({ db, actor: t.head, table: "dashboard-summary", rawInput: { filter: { from: "x" } }, now: NOW, locale: "fr" })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

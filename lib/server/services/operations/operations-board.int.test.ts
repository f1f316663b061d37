import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import type { Priority, RequestStatus, RequestType } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import type { OperationsBoard } from "@/lib/domain/operations/board-view";
import { actorOf, connectFreshTestDb } from "@/lib/testing/test-db";
import { createShift, createSite, createUser } from "@/prisma/factories";
import { flushReadAudits } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { createCaller } from "../../trpc/app-router";
import { exportCsv } from "../exports/export-csv";
import { boardExportTables } from "./board-csv";
import { getOperationsBoard } from "./get-operations-board";

// The board counts the whole territory, and other test files add open requests to the run's
// shared database at any moment: exact figures need a database of its own (fresh, migrated).
const fresh = connectFreshTestDb("operations", 10);
let db: Db;

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = new Date("2026-11-24T10:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

interface Seeded {
  head: Actor;
  radiologist: Actor;
  sites: { a: { id: string; code: string }; b: { id: string; code: string } };
  people: { martin: string; petit: string; durand: string; bernard: string };
  requests: Record<"r1" | "r2" | "r3" | "r4" | "r5" | "r6" | "r7" | "signed", { id: string; accessionNumber: string }>;
  findingId: string;
}
let t: Seeded;

async function insertRequest(args: {
  siteId: string;
  requesterId: string;
  priority: Priority;
  status: RequestStatus;
  submittedAt: Date;
  type?: RequestType;
  holder?: { id: string; acknowledged: boolean };
  escalation?: { level: number; at: Date };
}) {
  const id = randomUUID();
  return db.readingRequest.create({
    data: {
      id,
      siteId: args.siteId,
      requesterId: args.requesterId,
      idempotencyKey: id,
      payloadHash: "0".repeat(64),
      type: args.type ?? "TELEDIAGNOSTIC",
      priority: args.priority,
      status: args.status,
      patientFamilyName: "CONFIDENTIEL",
      patientGivenName: "Louise",
      patientBirthDate: new Date("1950-01-01"),
      patientSex: "FEMALE",
      sitePatientId: id.slice(0, 12),
      modality: "CT",
      bodyRegion: "Encéphale",
      clinicalContext: "Contexte",
      clinicalQuestion: "Question",
      submittedAt: args.submittedAt,
      ...(args.holder ? { holderId: args.holder.id, claimedAt: args.submittedAt, holdKind: args.holder.acknowledged ? "CLAIMED" : "AUTO_ASSIGNED", holdAcknowledgedAt: args.holder.acknowledged ? args.submittedAt : null } : {}),
      ...(args.escalation ? { escalationLevel: args.escalation.level, escalatedAt: args.escalation.at } : {}),
    },
    select: { id: true, accessionNumber: true },
  });
}

/**
 * Two sites; Martin on call (primary, both sites), Petit backup for A, Bernard whose shift ended
 * at `now`, Lefèvre whose shift starts in 30 min, Durand off call. Seven open requests at known
 * ages, plus closed ones, and critical findings in every state.
 */
async function seed(): Promise<Seeded> {
  const [a, b] = await Promise.all([createSite(db, "Centre hospitalier A"), createSite(db, "Centre hospitalier B")]);
  const [requester, head, martin, petit, durand, bernard, lefevre] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: a.id }),
    createUser(db, { role: "DEPARTMENT_HEAD" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [a.id, b.id], displayName: "Dr Martin" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [a.id], displayName: "Dr Petit" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [a.id, b.id], displayName: "Dr Durand" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [a.id], displayName: "Dr Bernard" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [a.id], displayName: "Dr Lefèvre" }),
  ]);
  await Promise.all([
    createShift(db, { radiologistId: martin.id, siteIds: [a.id, b.id], startsAt: ago(2 * HOUR), endsAt: later(8 * HOUR), role: "PRIMARY" }),
    createShift(db, { radiologistId: petit.id, siteIds: [a.id], startsAt: ago(6 * HOUR), endsAt: later(2 * HOUR), role: "BACKUP" }),
    createShift(db, { radiologistId: bernard.id, siteIds: [a.id], startsAt: ago(12 * HOUR), endsAt: now, role: "PRIMARY" }),
    createShift(db, { radiologistId: lefevre.id, siteIds: [a.id], startsAt: later(30 * MIN), endsAt: later(12 * HOUR), role: "PRIMARY" }),
  ]);
  // The head shortened the urgent target to 2 h: at risk from 90 min instead of 135.
  await db.turnaroundTarget.update({ where: { priority_segment: { priority: "URGENT", segment: "SUBMITTED_TO_SIGNED" } }, data: { targetS: 7200 } });

  const base = { requesterId: requester.id };
  const requests = {
    r1: await insertRequest({ ...base, siteId: a.id, priority: "VITAL", status: "SUBMITTED", submittedAt: ago(5 * MIN) }),
    r2: await insertRequest({ ...base, siteId: b.id, priority: "VITAL", status: "IN_READING", type: "TELEEXPERTISE", submittedAt: ago(50 * MIN), holder: { id: martin.id, acknowledged: true } }),
    r3: await insertRequest({ ...base, siteId: a.id, priority: "VITAL", status: "IMAGES_COMPLETE", submittedAt: ago(70 * MIN), escalation: { level: 2, at: ago(20 * MIN) } }),
    r4: await insertRequest({ ...base, siteId: a.id, priority: "URGENT", status: "PROTOCOL_SENT", submittedAt: ago(100 * MIN), holder: { id: durand.id, acknowledged: true } }),
    r5: await insertRequest({ ...base, siteId: b.id, priority: "URGENT", status: "INFO_REQUESTED", submittedAt: ago(15 * MIN), holder: { id: martin.id, acknowledged: false }, escalation: { level: 1, at: ago(3 * MIN) } }),
    r6: await insertRequest({ ...base, siteId: a.id, priority: "ROUTINE", status: "IN_READING", submittedAt: ago(30 * HOUR), holder: { id: durand.id, acknowledged: true } }),
    r7: await insertRequest({ ...base, siteId: a.id, priority: "ROUTINE", status: "SUBMITTED", submittedAt: ago(36 * HOUR) }),
    signed: await insertRequest({ ...base, siteId: a.id, priority: "VITAL", status: "SIGNED", submittedAt: ago(3 * HOUR), holder: { id: martin.id, acknowledged: true }, escalation: { level: 1, at: ago(2 * HOUR) } }),
  };
  await insertRequest({ ...base, siteId: a.id, priority: "VITAL", status: "CANCELLED", submittedAt: ago(4 * HOUR) });
  await insertRequest({ ...base, siteId: a.id, priority: "URGENT", status: "INDICATION_REFUSED", submittedAt: ago(4 * HOUR), escalation: { level: 2, at: ago(3 * HOUR) } });

  const finding = (data: { escalatedAt: Date | null; acknowledgedAt: Date | null }) =>
    db.criticalFinding.create({
      data: { requestId: requests.signed.id, category: "MINUTES", description: "Hémorragie", flaggedById: martin.id, flaggedAt: ago(40 * MIN), acknowledgeBy: ago(25 * MIN), ...data },
      select: { id: true },
    });
  const waiting = await finding({ escalatedAt: ago(10 * MIN), acknowledgedAt: null });
  await finding({ escalatedAt: ago(20 * MIN), acknowledgedAt: ago(5 * MIN) });
  await finding({ escalatedAt: null, acknowledgedAt: null });

  return {
    head: await actorOf(db, head.id),
    radiologist: await actorOf(db, martin.id),
    sites: { a, b },
    people: { martin: martin.id, petit: petit.id, durand: durand.id, bernard: bernard.id },
    requests,
    findingId: waiting.id,
  };
}

beforeAll(async () => {
  db = fresh.current();
  t = await seed();
});

afterAll(async () => {
  await flushReadAudits();
});

describe("the live operations board", () => {
  let board: OperationsBoard;
  beforeAll(async () => {
    board = await getOperationsBoard({ db, actor: t.head, now });
  });

  it("counts open requests, at risk, late, unassigned and escalated; closed ones are not open", () => {
    expect(board.generatedAt).toEqual(now);
    expect(board.counters).toEqual({ open: 7, atRisk: 4, late: 1, unassigned: 3, escalated: 2 });
    expect(board.targets).toEqual({ VITAL: 3600, URGENT: 7200, ROUTINE: 172_800 });
  });

  it("lays open requests out by state and age since submission, with totals per priority", () => {
    const nonEmpty = board.backlog.rows.filter((row) => row.total > 0).map((row) => [row.status, Object.entries(row.byAge).filter(([, n]) => n > 0)]);
    expect(nonEmpty).toEqual([
      ["SUBMITTED", [["UNDER_15M", 1], ["OVER_24H", 1]]],
      ["INFO_REQUESTED", [["UNDER_1H", 1]]], // exactly 15 min old: no longer "< 15 min"
      ["PROTOCOL_SENT", [["UNDER_4H", 1]]],
      ["IMAGES_COMPLETE", [["UNDER_4H", 1]]],
      ["IN_READING", [["UNDER_1H", 1], ["OVER_24H", 1]]],
    ]);
    expect(board.backlog.rows).toHaveLength(8);
    expect(board.backlog.byAge).toEqual({ UNDER_15M: 1, UNDER_1H: 2, UNDER_4H: 2, UNDER_24H: 0, OVER_24H: 2 });
    expect(board.backlog.byPriority).toEqual({ VITAL: 3, URGENT: 2, ROUTINE: 2 });
    expect(board.backlog.total).toBe(7);
  });

  it("lists the requests at or past 75 % of their target, the latest first, with the time left", () => {
    const { r2, r3, r4, r7 } = t.requests;
    expect(board.atRisk.total).toBe(4);
    expect(board.atRisk.rows.map((row) => [row.accessionNumber, row.remainingMs])).toEqual([
      [r3.accessionNumber, -10 * MIN], // vital, 70 min: late by 10 min
      [r2.accessionNumber, 10 * MIN], // vital, 50 min
      [r4.accessionNumber, 20 * MIN], // urgent, 100 min of the head's 2 h target
      [r7.accessionNumber, 12 * HOUR], // routine, exactly 36 h: the threshold itself
    ]);
    expect(board.atRisk.rows[0]).toEqual({
      id: r3.id,
      accessionNumber: r3.accessionNumber,
      priority: "VITAL",
      type: "TELEDIAGNOSTIC",
      modality: "CT",
      status: "IMAGES_COMPLETE",
      siteCode: t.sites.a.code,
      holder: null,
      escalationLevel: 2,
      submittedAt: ago(70 * MIN),
      targetS: 3600,
      deadline: ago(10 * MIN),
      remainingMs: -10 * MIN,
    });
    expect(board.atRisk.rows[1]).toMatchObject({ type: "TELEEXPERTISE", siteCode: t.sites.b.code, holder: { id: t.people.martin, name: "Dr Martin" }, status: "IN_READING" });
    expect(board.atRisk.rows[2]).toMatchObject({ holder: { name: "Dr Durand" }, targetS: 7200 });
  });

  it("shows who is on call now with their load, and who still holds requests off call", () => {
    expect(board.onCall).toEqual([
      { radiologist: { id: t.people.martin, name: "Dr Martin" }, shifts: [{ role: "PRIMARY", siteCodes: [t.sites.a.code, t.sites.b.code].sort(), startsAt: ago(2 * HOUR), endsAt: later(8 * HOUR) }], held: 2, inReading: 1 },
      { radiologist: { id: t.people.petit, name: "Dr Petit" }, shifts: [{ role: "BACKUP", siteCodes: [t.sites.a.code], startsAt: ago(6 * HOUR), endsAt: later(2 * HOUR) }], held: 0, inReading: 0 },
    ]);
    // Bernard's shift ended at `now`; Lefèvre's has not started.
    expect(board.offCallHolders).toEqual([{ radiologist: { id: t.people.durand, name: "Dr Durand" }, held: 2, inReading: 1 }]);
  });

  it("shows escalations in progress: open escalated requests, highest level first, and unacknowledged escalated critical findings", () => {
    const { r3, r5, signed } = t.requests;
    expect(board.escalatedRequests.total).toBe(2);
    expect(board.escalatedRequests.rows.map((row) => [row.id, row.escalationLevel, row.escalatedAt, row.holder?.name ?? null, row.holderAcknowledged])).toEqual([
      [r3.id, 2, ago(20 * MIN), null, false],
      [r5.id, 1, ago(3 * MIN), "Dr Martin", false],
    ]);
    expect(board.escalatedFindings).toEqual({
      total: 1,
      rows: [{ id: t.findingId, requestId: signed.id, accessionNumber: signed.accessionNumber, priority: "VITAL", siteCode: t.sites.a.code, category: "MINUTES", flaggedBy: "Dr Martin", flaggedAt: ago(40 * MIN), acknowledgeBy: ago(25 * MIN), escalatedAt: ago(10 * MIN) }],
    });
  });

  it("says when the clock alone changes it next: the vital request in reading becomes late in 10 min", () => {
    expect(board.nextChangeAt).toEqual(new Date(later(10 * MIN).getTime() + 1));
  });

  it("names no patient: a supervision screen shows accession numbers only", () => {
    expect(JSON.stringify(board)).not.toContain("CONFIDENTIEL");
    expect(JSON.stringify(board)).not.toContain("Louise");
  });

  it("bounds the lists and keeps their totals", async () => {
    const small = await getOperationsBoard({ db, actor: t.head, now, listLimit: 1 });
    expect([small.atRisk.rows.length, small.atRisk.total, small.escalatedRequests.rows.length, small.escalatedRequests.total]).toEqual([1, 4, 1, 2]);
  });

  it("audits each read by the head", async () => {
    await flushReadAudits();
    const audits = await db.auditLog.findMany({ where: { action: "OPERATIONS_BOARD_READ", actorId: t.head.id }, select: { entityType: true, entityId: true, detail: true } });
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits[0]).toMatchObject({ entityType: "Dashboard", entityId: "operations", detail: { open: 7, atRisk: 4, late: 1 } });
  });
});

describe("who may see the board", () => {
  it("refuses a radiologist, through the procedure and the service", async () => {
    const error = await createCaller({ db, actor: t.radiologist }).operations.board().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("FORBIDDEN");
    const direct = await getOperationsBoard({ db, actor: t.radiologist, now }).then(() => null, (e: unknown) => e);
    expect(direct).toBeInstanceOf(AppError);
    expect((direct as AppError).code).toBe("FORBIDDEN");
  });

  it("answers the head through the procedure", async () => {
    const board = await createCaller({ db, actor: t.head }).operations.board();
    expect(board.counters.open).toBe(7);
  });
});

describe("CSV exports of the board", () => {
  it("exports who is on call with their load, audited as per-radiologist figures", async () => {
    const { csv, fileName } = await exportCsv({ db, actor: t.head, table: "operations-on-call", rawInput: {}, now, locale: "fr" });
    expect(fileName).toBe("operations-on-call-2026-11-24.csv");
    const lines = csv.replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[0]).toBe("Radiologue;De garde;Gardes;Sites;Jusqu'à;Demandes détenues;En lecture");
    expect(lines.slice(1)).toEqual([
      // Paris wall-clock time, as on the screen (UTC+1 in November).
      `Dr Martin;oui;Titulaire;${[t.sites.a.code, t.sites.b.code].sort().join(" ")};2026-11-24 19:00;2;1`,
      `Dr Petit;oui;Renfort;${t.sites.a.code};2026-11-24 13:00;0;0`,
      "Dr Durand;non;;;;2;1",
    ]);
    const audit = await db.auditLog.findFirst({ where: { action: "DASHBOARD_EXPORTED", actorId: t.head.id, entityId: "operations-on-call" }, select: { entityType: true, detail: true } });
    expect(audit).toEqual({ entityType: "Dashboard", detail: { table: "operations-on-call", perRadiologist: true, input: {} } });
  });

  it("exports the matrix, the whole at-risk list and the escalations; the at-risk list names holders, so it counts as per-radiologist", async () => {
    const open = await boardExportTables["operations-open"]!.build({ db, actor: t.head, input: {}, now, locale: "en" });
    expect(open.columns).toEqual(["Status", "< 15 min", "15–60 min", "1–4 h", "4–24 h", "> 24 h", "Total", "Vital emergency", "Urgent", "Routine"]);
    expect(open.rows.at(-1)).toEqual(["Total", 1, 2, 2, 0, 2, 7, 3, 2, 2]);

    const { csv } = await exportCsv({ db, actor: t.head, table: "operations-at-risk", rawInput: {}, now, locale: "fr" });
    const lines = csv.replace("\uFEFF", "").trim().split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`${t.requests.r3.accessionNumber};${t.sites.a.code};Urgence vitale;Télédiagnostic;CT;`);
    expect(lines[1]).toContain(";-10;60;;2");
    const audit = await db.auditLog.findFirst({ where: { action: "DASHBOARD_EXPORTED", entityId: "operations-at-risk" }, select: { detail: true } });
    expect(audit?.detail).toMatchObject({ perRadiologist: true });

    const escalations = await boardExportTables["operations-escalations"]!.build({ db, actor: t.head, input: {}, now, locale: "fr" });
    expect(escalations.rows.map((row) => [row[0], row[1], row[5], row[7]])).toEqual([
      ["Demande escaladée", t.requests.r3.accessionNumber, 2, "personne"],
      ["Demande escaladée", t.requests.r5.accessionNumber, 1, "Dr Martin"],
      ["Résultat critique", t.requests.signed.accessionNumber, null, null],
    ]);
  });

  it("refuses the exports to a radiologist and an input it does not take", async () => {
    const refused = await exportCsv({ db, actor: t.radiologist, table: "operations-on-call", rawInput: {}, now, locale: "fr" }).then(() => null, (e: unknown) => e);
    expect((refused as AppError).code).toBe("FORBIDDEN");
    const bad = await exportCsv({ db, actor: t.head, table: "operations-open", rawInput: { siteId: "x" }, now, locale: "fr" }).then(() => null, (e: unknown) => e);
    expect((bad as AppError).code).toBe("BAD_INPUT");
  });
});

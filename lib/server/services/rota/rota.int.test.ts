import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { createShiftSchema, type CreateShiftInput } from "@/lib/domain/rota/rota-schemas";
import { instantToLocalDateTime, wallClockToInstant } from "@/lib/domain/rota/wall-clock";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { createCaller } from "../../trpc/app-router";
import { createShift } from "./create-shift";
import { deleteShift } from "./delete-shift";
import { listOnCallNow } from "./list-on-call-now";
import { listRota } from "./list-rota";
import { updateShift } from "./update-shift";

const db = connectTestDb();

async function territory() {
  const [site, other] = await Promise.all([createSite(db), createSite(db)]);
  const [head, admin, radiologist, referrer] = await Promise.all([
    createUser(db, { role: "DEPARTMENT_HEAD" }),
    createUser(db, { role: "ADMIN" }),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    createUser(db, { role: "REFERRER", siteId: site.id }),
  ]);
  return {
    site,
    other,
    radiologistId: radiologist.id,
    head: await actorOf(db, head.id),
    admin: await actorOf(db, admin.id),
    radiologist: await actorOf(db, radiologist.id),
    referrer: await actorOf(db, referrer.id),
  };
}

const shiftInput = (overrides: Partial<CreateShiftInput> & { radiologistId: string; siteIds: string[] }) =>
  createShiftSchema.parse({ role: "PRIMARY", start: "2031-03-03T08:00", end: "2031-03-03T20:00", ...overrides });

async function statusOf(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return getHTTPStatusCodeFromError(error as TRPCError);
}

describe("the on-call rota", () => {
  it("creates a shift with its sites, its end-of-shift job and its audit row, and lists it by range", async () => {
    const t = await territory();
    const { shiftIds, seriesId } = await createShift({
      db,
      actor: t.head,
      input: shiftInput({ radiologistId: t.radiologistId, siteIds: [t.site.id, t.other.id], subspecialties: ["NEURO"] }),
    });
    expect(seriesId).toBeNull();
    expect(shiftIds).toHaveLength(1);
    const shiftId = shiftIds[0]!;

    const inRange = await listRota({ db, actor: t.radiologist, range: { from: new Date("2031-03-03T00:00:00Z"), to: new Date("2031-03-04T00:00:00Z") } });
    const listed = inRange.shifts.find((shift) => shift.id === shiftId);
    expect(listed).toMatchObject({ radiologistId: t.radiologistId, role: "PRIMARY", subspecialties: ["NEURO"], startsAt: new Date("2031-03-03T07:00:00Z"), endsAt: new Date("2031-03-03T19:00:00Z") });
    expect(listed!.sites.map((s) => s.id).sort()).toEqual([t.site.id, t.other.id].sort());
    // The gaps of the site are the rest of the (UTC) day.
    expect(inRange.gaps.filter((gap) => gap.siteId === t.site.id).map((gap) => [gap.from.toISOString(), gap.to.toISOString()])).toEqual([
      ["2031-03-03T00:00:00.000Z", "2031-03-03T07:00:00.000Z"],
      ["2031-03-03T19:00:00.000Z", "2031-03-04T00:00:00.000Z"],
    ]);
    const outOfRange = await listRota({ db, actor: t.head, range: { from: new Date("2031-03-04T00:00:00Z"), to: new Date("2031-03-05T00:00:00Z") } });
    expect(outOfRange.shifts.some((shift) => shift.id === shiftId)).toBe(false);

    const job = await db.job.findUnique({ where: { dedupeKey: `shift.ended:${shiftId}:2031-03-03T19:00:00.000Z` } });
    expect(job).toMatchObject({ kind: "shift.ended", state: "PENDING", runAt: new Date("2031-03-03T19:00:00Z"), payload: { shiftId } });
    expect(await db.auditLog.count({ where: { action: "SHIFT_CREATED", entityId: shiftId, actorId: t.head.id } })).toBe(1);
  });

  it("expands a recurring pattern into shifts of one series, each with its job, and keeps the pattern", async () => {
    const t = await territory();
    const { shiftIds, seriesId } = await createShift({
      db,
      actor: t.admin,
      input: shiftInput({
        radiologistId: t.radiologistId,
        siteIds: [t.site.id],
        start: "2031-03-01T08:00",
        end: "2031-03-03T08:00",
        recurrence: { intervalWeeks: 2, weekdays: [6], until: "2031-04-30" },
      }),
    });
    // 1 and 15 March, then 29 March (the night of the DST change) and 12 and 26 April.
    expect(shiftIds).toHaveLength(5);
    const shifts = await db.shift.findMany({ where: { seriesId: seriesId! }, orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true } });
    expect(shifts.map((s) => instantToLocalDateTime(s.startsAt))).toEqual(["2031-03-01T08:00", "2031-03-15T08:00", "2031-03-29T08:00", "2031-04-12T08:00", "2031-04-26T08:00"]);
    expect(shifts.map((s) => instantToLocalDateTime(s.endsAt))).toEqual(["2031-03-03T08:00", "2031-03-17T08:00", "2031-03-31T08:00", "2031-04-14T08:00", "2031-04-28T08:00"]);
    const series = await db.shiftSeries.findUniqueOrThrow({ where: { id: seriesId! } });
    expect(series.pattern).toMatchObject({ intervalWeeks: 2, weekdays: [6], until: "2031-04-30", startTime: "08:00", durationMinutes: 2880 });
    expect(await db.job.count({ where: { kind: "shift.ended", dedupeKey: { in: shifts.map((s) => `shift.ended:${s.id}:${s.endsAt.toISOString()}`) } } })).toBe(5);
    expect(await db.auditLog.count({ where: { action: "SHIFT_CREATED", entityId: { in: shiftIds } } })).toBe(5);
  });

  it("refuses rota edits to a radiologist and a referrer (FORBIDDEN), in the service and the procedure", async () => {
    const t = await territory();
    const input = shiftInput({ radiologistId: t.radiologistId, siteIds: [t.site.id] });
    for (const actor of [t.radiologist, t.referrer]) {
      await expect(createShift({ db, actor, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await statusOf(createCaller({ db, actor }).rota.create(input))).toBe(403);
    }
    await expect(listRota({ db, actor: t.referrer, range: { from: new Date(), to: new Date(Date.now() + 1000) } })).rejects.toBeInstanceOf(AppError);
    expect(await db.shift.count({ where: { radiologistId: t.radiologistId } })).toBe(0);
  });

  it("answers 400 to a shift that ends before it starts, or is malformed, and writes nothing", async () => {
    const t = await territory();
    const caller = createCaller({ db, actor: t.head });
    const valid = { radiologistId: t.radiologistId, siteIds: [t.site.id], role: "PRIMARY" as const, start: "2031-03-03T08:00", end: "2031-03-03T20:00" };
    const bad: unknown[] = [
      { ...valid, end: "2031-03-03T07:00" },
      { ...valid, end: "2031-03-12T08:00" },
      { ...valid, siteIds: [] },
      { ...valid, start: "2031-13-01T08:00" },
      { ...valid, role: "CHIEF" },
      { ...valid, recurrence: { intervalWeeks: 1, weekdays: [0, 1, 2, 3, 4, 5, 6], until: "2032-04-01" } },
      { ...valid, recurrence: { intervalWeeks: 0, weekdays: [1], until: "2031-04-01" } },
    ];
    for (const input of bad) expect(await statusOf(caller.rota.create(input as never))).toBe(400);
    // A head is not a radiologist; an unknown site: the references are checked too.
    expect(await statusOf(caller.rota.create({ ...valid, radiologistId: t.head.id }))).toBe(400);
    expect(await statusOf(caller.rota.create({ ...valid, siteIds: [crypto.randomUUID()] }))).toBe(400);
    expect(await db.shift.count({ where: { radiologistId: t.radiologistId } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: t.head.id, action: "SHIFT_CREATED" } })).toBe(0);
  });

  it("moves a shift's end with a new job and an audit row, and deletes a series from a shift on", async () => {
    const t = await territory();
    const { shiftIds } = await createShift({
      db,
      actor: t.head,
      input: shiftInput({ radiologistId: t.radiologistId, siteIds: [t.site.id], start: "2031-06-02T08:00", end: "2031-06-02T20:00", recurrence: { intervalWeeks: 1, weekdays: [1], until: "2031-06-30" } }),
    });
    expect(shiftIds).toHaveLength(5);
    const [first, second] = shiftIds as [string, string];
    const updated = await updateShift({
      db,
      actor: t.head,
      input: { shiftId: first, radiologistId: t.radiologistId, siteIds: [t.other.id], role: "BACKUP", subspecialties: [], start: "2031-06-02T08:00", end: "2031-06-02T22:00" },
    });
    expect(updated).toMatchObject({ role: "BACKUP", endsAt: wallClockToInstant("2031-06-02T22:00"), sites: [{ id: t.other.id }] });
    expect(await db.job.count({ where: { dedupeKey: { startsWith: `shift.ended:${first}:` } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "SHIFT_UPDATED", entityId: first } })).toBe(1);

    const { deletedIds } = await deleteShift({ db, actor: t.head, input: { shiftId: second, withFollowing: true } });
    expect(deletedIds.sort()).toEqual(shiftIds.slice(1).sort());
    expect(await db.shift.count({ where: { id: { in: shiftIds } } })).toBe(1);
    expect(await db.shiftSite.count({ where: { shiftId: { in: shiftIds.slice(1) } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "SHIFT_DELETED", entityId: { in: shiftIds } } })).toBe(4);
    await expect(deleteShift({ db, actor: t.radiologist, input: { shiftId: first, withFollowing: false } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteShift({ db, actor: t.head, input: { shiftId: second, withFollowing: false } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tells who is on call now for a site, to those who may see the site only", async () => {
    const t = await territory();
    const now = Date.now();
    await createShift({
      db,
      actor: t.head,
      input: shiftInput({
        radiologistId: t.radiologistId,
        siteIds: [t.site.id],
        subspecialties: ["CHEST"],
        start: instantToLocalDateTime(new Date(now - 3_600_000)),
        end: instantToLocalDateTime(new Date(now + 6 * 3_600_000)),
      }),
    });
    const seen = await listOnCallNow({ db, actor: t.referrer, siteId: t.site.id });
    expect(seen.entries).toEqual([expect.objectContaining({ radiologistId: t.radiologistId, role: "PRIMARY", subspecialties: ["CHEST"], hasPrivilege: true })]);
    // The referrer's own site only; the head sees every site.
    await expect(listOnCallNow({ db, actor: t.referrer, siteId: t.other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listOnCallNow({ db, actor: t.head, siteId: t.other.id })).entries).toEqual([]);
  });
});

describe("changing a running shift", () => {
  it("schedules the handover of its radiologist's requests when it is deleted or given to someone else, not when a past shift is recorded", async () => {
    const t = await territory();
    const now = new Date();
    const running = await db.shift.create({
      data: { radiologistId: t.radiologistId, startsAt: new Date(now.getTime() - 3_600_000), endsAt: new Date(now.getTime() + 3_600_000), role: "PRIMARY", sites: { create: [{ siteId: t.site.id }] } },
      select: { id: true },
    });
    await deleteShift({ db, actor: t.head, input: { shiftId: running.id, withFollowing: false } });
    const offCall = await db.job.findMany({ where: { kind: "rota.offCall", dedupeKey: { startsWith: `rota.offCall:${running.id}:` } }, select: { payload: true, runAt: true } });
    expect(offCall).toHaveLength(1);
    expect(offCall[0]!.payload).toEqual({ radiologistId: t.radiologistId, siteIds: [t.site.id], shiftId: running.id });
    expect(offCall[0]!.runAt.getTime()).toBeLessThanOrEqual(Date.now());

    const past = await createShift({ db, actor: t.head, input: shiftInput({ radiologistId: t.radiologistId, siteIds: [t.site.id], start: "2020-03-03T08:00", end: "2020-03-03T20:00" }) });
    expect(await db.job.count({ where: { dedupeKey: { contains: past.shiftIds[0]! } } })).toBe(0);
  });
});

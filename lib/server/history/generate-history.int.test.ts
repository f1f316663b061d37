import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RequestStatus, RequestType } from "@/lib/domain/enums";
import { allowedActions, OPEN_STATUSES, transitionTarget } from "@/lib/domain/request-state-machine";
import { applyMigrations } from "../db/apply-migrations";
import { ensureDatabase } from "../db/embedded-postgres";
import { generateHistory, HistoryRefusedError, type HistoryResult } from "./generate-history";

// The generator runs on databases of its own (it refuses a database with requests, and it
// disables a trigger while loading): each is created in the test cluster and dropped after.

const END = new Date("2026-03-01T11:00:00Z");
const created: string[] = [];

function urlOf(database: string): string {
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

async function freshDatabase(): Promise<string> {
  const name = `history_${randomBytes(4).toString("hex")}`;
  await ensureDatabase(urlOf("postgres"), name);
  created.push(name);
  const url = urlOf(name);
  await applyMigrations(url);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TIME ZONE 'UTC'`);
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await query(urlOf("postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("generateHistory", () => {
  let url: string;
  let result: HistoryResult;

  beforeAll(async () => {
    url = await freshDatabase();
    result = await generateHistory(url, { requests: 2_000, open: 300, end: END, seed: 42, chunkSize: 700 });
  });

  it("writes the requested numbers of finished and open requests, with their timelines and milestones", async () => {
    const [counts] = await query<{ requests: number; open: number; events: number; milestones: number; sites: number; groups: number; radiologists: number; heads: number }>(
      url,
      `SELECT (SELECT count(*) FROM "ReadingRequest")::int AS requests,
              (SELECT count(*) FROM "ReadingRequest" WHERE "status" = ANY ($1::"RequestStatus"[]))::int AS open,
              (SELECT count(*) FROM "RequestEvent")::int AS events,
              (SELECT count(*) FROM "RequestMilestones")::int AS milestones,
              (SELECT count(*) FROM "Site")::int AS sites,
              (SELECT count(*) FROM "SiteGroup")::int AS groups,
              (SELECT count(*) FROM "User" WHERE "role" = 'RADIOLOGIST')::int AS radiologists,
              (SELECT count(*) FROM "User" WHERE "role" = 'DEPARTMENT_HEAD')::int AS heads`,
      [OPEN_STATUSES],
    );
    expect(counts).toEqual({ requests: 2_300, open: 300, events: result.events, milestones: 2_300, sites: 12, groups: 3, radiologists: 40, heads: 1 });
    // A request's life is ~8-12 events (submitted ... acknowledged).
    expect(counts!.events / counts!.requests).toBeGreaterThan(8);
  });

  it("writes timelines that follow the state machine and end in the request's status, before the end", async () => {
    const requests = await query<{ id: string; type: RequestType; status: RequestStatus }>(url, `SELECT "id", "type", "status" FROM "ReadingRequest"`);
    const events = await query<{ requestId: string; type: string; fromStatus: RequestStatus | null; toStatus: RequestStatus | null; at: Date }>(
      url,
      `SELECT "requestId", "type"::text, "fromStatus", "toStatus", "at" FROM "RequestEvent" ORDER BY "requestId", "at", "id"`,
    );
    const byRequest = new Map<string, typeof events>();
    for (const event of events) byRequest.set(event.requestId, [...(byRequest.get(event.requestId) ?? []), event]);
    const problems: string[] = [];
    for (const request of requests) {
      const timeline = byRequest.get(request.id) ?? [];
      const [first, ...rest] = timeline;
      if (first?.type !== "SUBMITTED" || first.toStatus !== "SUBMITTED") problems.push(`${request.id}: does not start with SUBMITTED`);
      let status: RequestStatus = "SUBMITTED";
      for (const event of rest) {
        if (event.at.getTime() >= END.getTime()) problems.push(`${request.id}: ${event.type} after the end`);
        if (event.toStatus === null || event.toStatus === event.fromStatus) continue;
        const legal = event.fromStatus === status && allowedActions(request.type, status).some((action) => transitionTarget(request.type, status, action) === event.toStatus);
        if (!legal) problems.push(`${request.id}: ${event.fromStatus} -> ${event.toStatus} while ${status}`);
        status = event.toStatus;
      }
      if (status !== request.status) problems.push(`${request.id}: timeline ends ${status}, request is ${request.status}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("has a milestones row for every request, rebuilt from its timeline", async () => {
    const [row] = await query<{ missing: number; signed: number; reported: number }>(
      url,
      `SELECT count(*) FILTER (WHERE m."requestId" IS NULL OR m."submittedAt" <> r."submittedAt")::int AS missing,
              count(*) FILTER (WHERE m."signedAt" IS NOT NULL)::int AS signed,
              count(*) FILTER (WHERE r."status" IN ('SIGNED', 'DELIVERED', 'ACKNOWLEDGED'))::int AS reported
         FROM "ReadingRequest" r LEFT JOIN "RequestMilestones" m ON m."requestId" = r."id"`,
    );
    expect(row).toEqual({ missing: 0, signed: row!.reported, reported: row!.reported });
    expect(row!.reported).toBeGreaterThan(1_800);
  });

  it("spreads arrivals like an emergency department: quiet nights, busy days", async () => {
    const hours = await query<{ hour: number; n: number }>(
      url,
      `SELECT extract(hour FROM ("submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::int AS hour, count(*)::int AS n
         FROM "ReadingRequest" WHERE "status" <> ALL ($1::"RequestStatus"[]) GROUP BY 1`,
      [OPEN_STATUSES],
    );
    const perHour = (from: number, to: number) => hours.filter((h) => h.hour >= from && h.hour <= to).reduce((sum, h) => sum + h.n, 0) / (to - from + 1);
    expect(perHour(1, 5)).toBeLessThan(perHour(9, 19) / 3);
    const [span] = await query<{ first: Date; last: Date }>(url, `SELECT min("submittedAt") AS first, max("submittedAt") AS last FROM "ReadingRequest"`);
    expect(span!.first.getTime()).toBeGreaterThanOrEqual(result.from.getTime());
    expect(span!.last.getTime()).toBeLessThan(END.getTime());
  });

  it("mixes priorities, types and outcomes as a busy territory does", async () => {
    const [mix] = await query<{ vital: number; urgent: number; routine: number; expertise: number; ct: number; refused: number; cancelled: number }>(
      url,
      `SELECT avg(("priority" = 'VITAL')::int)::float8 AS vital, avg(("priority" = 'URGENT')::int)::float8 AS urgent,
              avg(("priority" = 'ROUTINE')::int)::float8 AS routine, avg(("type" = 'TELEEXPERTISE')::int)::float8 AS expertise,
              avg(("modality" = 'CT')::int)::float8 AS ct,
              avg(("status" = 'INDICATION_REFUSED')::int)::float8 AS refused, avg(("status" = 'CANCELLED')::int)::float8 AS cancelled
         FROM "ReadingRequest" WHERE "status" <> ALL ($1::"RequestStatus"[])`,
      [OPEN_STATUSES],
    );
    expect(mix!.vital).toBeGreaterThan(0.07);
    expect(mix!.vital).toBeLessThan(0.13);
    expect(mix!.urgent).toBeGreaterThan(0.3);
    expect(mix!.urgent).toBeLessThan(0.4);
    expect(mix!.routine).toBeGreaterThan(0.5);
    expect(mix!.routine).toBeLessThan(0.6);
    expect(mix!.expertise).toBeGreaterThan(0.07);
    expect(mix!.expertise).toBeLessThan(0.13);
    expect(mix!.ct).toBeGreaterThan(0.4);
    expect(mix!.refused).toBeGreaterThan(0.015);
    expect(mix!.refused).toBeLessThan(0.045);
    expect(mix!.cancelled).toBeLessThan(0.025);
  });

  it("leaves a live backlog: some held by radiologists, some escalated", async () => {
    const [open] = await query<{ held: number; reading: number; escalated: number; statuses: number }>(
      url,
      `SELECT count(*) FILTER (WHERE "holderId" IS NOT NULL)::int AS held,
              count(*) FILTER (WHERE "status" = 'IN_READING')::int AS reading,
              count(*) FILTER (WHERE "escalationLevel" > 0 AND "escalatedAt" IS NOT NULL)::int AS escalated,
              count(DISTINCT "status")::int AS statuses
         FROM "ReadingRequest" WHERE "status" = ANY ($1::"RequestStatus"[])`,
      [OPEN_STATUSES],
    );
    expect(open!.held).toBeGreaterThan(open!.reading);
    expect(open!.held).toBeLessThan(300);
    expect(open!.escalated).toBeGreaterThan(0);
    expect(open!.statuses).toBe(6);
  });

  it("names as reader a radiologist on call for the site at the time, and only existing rows", async () => {
    const [row] = await query<{ claims: number; offCall: number; dangling: number }>(
      url,
      `SELECT count(*)::int AS claims,
              count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM "Shift" s JOIN "ShiftSite" ss ON ss."shiftId" = s."id"
                 WHERE s."radiologistId" = e."actorId" AND ss."siteId" = r."siteId" AND e."at" >= s."startsAt" AND e."at" < s."endsAt"))::int AS "offCall",
              (SELECT count(*) FROM "RequestEvent" x LEFT JOIN "User" u ON u."id" = x."actorId" WHERE x."actorId" IS NOT NULL AND u."id" IS NULL)::int
                + (SELECT count(*) FROM "ReadingRequest" q LEFT JOIN "Site" s ON s."id" = q."siteId" LEFT JOIN "User" u ON u."id" = q."requesterId" WHERE s."id" IS NULL OR u."id" IS NULL)::int AS dangling
         FROM "RequestEvent" e JOIN "ReadingRequest" r ON r."id" = e."requestId" WHERE e."type" = 'CLAIMED'`,
    );
    expect(row!.claims).toBeGreaterThan(2_000);
    expect(row).toMatchObject({ offCall: 0, dangling: 0 });
  });

  it("has someone on call for every site at every hour of the year, daylight saving changes included", async () => {
    // Shifts start and end on the hour: each half past the hour stands for its hour.
    const [row] = await query<{ uncovered: number; checked: number }>(
      url,
      `WITH hours AS (
         SELECT (t AT TIME ZONE 'UTC') + interval '30 minutes' AS at
           FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 hour', interval '1 hour') AS t
       ), covered AS (
         SELECT DISTINCT ss."siteId", x.at
           FROM "Shift" s JOIN "ShiftSite" ss ON ss."shiftId" = s."id"
          CROSS JOIN LATERAL generate_series(date_trunc('hour', s."startsAt") + interval '30 minutes', s."endsAt", interval '1 hour') AS x(at)
          WHERE s."role" = 'PRIMARY' AND x.at > s."startsAt" AND x.at < s."endsAt"
       )
       SELECT count(*) FILTER (WHERE c.at IS NULL)::int AS uncovered, count(*)::int AS checked
         FROM hours h CROSS JOIN "Site" site LEFT JOIN covered c ON c."siteId" = site."id" AND c.at = h.at`,
      [result.from, END],
    );
    expect(row!.checked).toBeGreaterThan(12 * 8_700);
    expect(row!.uncovered).toBe(0);
  });

  it("refuses a database that already has requests, and leaves the milestones trigger on", async () => {
    await expect(generateHistory(url, { requests: 10, open: 0, end: END, seed: 43 })).rejects.toBeInstanceOf(HistoryRefusedError);
    const [trigger] = await query<{ enabled: string }>(url, `SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'RequestEvent_milestones'`);
    expect(trigger!.enabled).toBe("O");
  });

  it("gives the same data for the same seed", async () => {
    const fingerprint = (target: string) =>
      query<{ digest: string }>(target, `SELECT md5(string_agg("id"::text || "status"::text || "submittedAt"::text || "patientFamilyName", ',' ORDER BY "id")) AS digest FROM "ReadingRequest"`);
    const [a, b] = [await freshDatabase(), await freshDatabase()];
    await generateHistory(a, { requests: 300, open: 20, end: END, seed: 7 });
    await generateHistory(b, { requests: 300, open: 20, end: END, seed: 7 });
    expect(await fingerprint(a)).toEqual(await fingerprint(b));
  });
});

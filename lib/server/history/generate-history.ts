import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../auth/password";
import { createArrivalHours, TERRITORY_TIME_ZONE } from "./history-arrivals";
import { closedPlanSql } from "./history-closed-plan";
import { createPlanTable, insertPlannedEvents, insertPlannedRequests } from "./history-insert";
import { openPlanSql } from "./history-open-plan";
import { ESCALATE_AFTER_S } from "./history-request-model";
import { insertRota } from "./history-rota";
import { seededRng, type Rng } from "./history-sql";
import { insertTerritory, type TerritoryCounts } from "./history-territory";

// A year of a busy territory, for benchmarks and development databases: the territory, its
// rota, `requests` finished requests over the 12 months before `end` with their timelines,
// and `open` requests still open at `end`. Everything is set-based SQL over generate_series
// with seeded hashes (the same seed gives the same data), in one transaction: a failure
// leaves the database as it was, trigger included.

export interface HistoryOptions {
  requests: number;
  open: number;
  /** The instant the year ends (exclusive) and the open requests are open at. */
  end: Date;
  seed: number;
  /** Requests planned and inserted per statement. */
  chunkSize?: number;
  /** Add to a database that already has requests (refused otherwise). */
  force?: boolean;
  log?: (line: string) => void;
}

export interface HistoryResult {
  from: Date;
  end: Date;
  requests: number;
  openRequests: number;
  events: number;
  milestones: number;
  shifts: number;
  shiftSites: number;
  territory: TerritoryCounts;
  /** The generated accounts' password (random per run): to sign in as the department head. */
  password: string;
  seconds: { territory: number; requests: number; open: number; milestones: number; analyze: number; total: number };
}

export class HistoryRefusedError extends Error {}

const MILESTONES_TRIGGER = `ALTER TABLE "RequestEvent" %s TRIGGER "RequestEvent_milestones"`;

export async function generateHistory(databaseUrl: string, options: HistoryOptions): Promise<HistoryResult> {
  const log = options.log ?? (() => undefined);
  const chunkSize = options.chunkSize ?? 50_000;
  const rng = seededRng(options.seed);
  const started = performance.now();
  const elapsed = (since: number) => Math.round((performance.now() - since) / 100) / 10;

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Timestamps are stored as UTC wall-clock (Prisma's convention); the session must agree.
    await client.query(`SET TIME ZONE 'UTC'`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '128MB'`);
    if (process.env.HISTORY_REPLICA) await client.query(`SET session_replication_role = replica`);
    const escalateAfterS = await loadEscalationDelays(client);
    const from = await yearBefore(client, options.end);

    await client.query("BEGIN");
    let triggerDisabled = false;
    try {
      await assertEmpty(client, options.force === true);
      let mark = performance.now();
      const password = randomBytes(12).toString("base64url");
      const territory = await insertTerritory(client, rng, { seed: options.seed, passwordHash: await hashPassword(password), createdAt: new Date(from.getTime() - 30 * 86_400_000) });
      const rota = await insertRota(client, rng, { from, end: options.end, createdAt: new Date(from.getTime() - 30 * 86_400_000) });
      const territorySeconds = elapsed(mark);
      log(`territory: ${territory.sites} sites, ${territory.radiologists} radiologists, ${rota.shifts} shifts (${territorySeconds} s)`);

      // The milestones are rebuilt once at the end: per-row trigger work would triple the time.
      await client.query(MILESTONES_TRIGGER.replace("%s", "DISABLE"));
      triggerDisabled = true;
      await createPlanTable(client);
      await createArrivalHours(client, { requests: options.requests, from, end: options.end });

      mark = performance.now();
      let events = 0;
      for (let lo = 0; lo < options.requests; lo += chunkSize) {
        const hi = Math.min(options.requests, lo + chunkSize);
        events += await insertChunk(client, rng, closedPlanSql(rng, escalateAfterS), [lo, hi, options.end]);
        const seconds = elapsed(mark);
        log(`requests ${hi.toLocaleString("en")}/${options.requests.toLocaleString("en")} · events ${events.toLocaleString("en")} · ${seconds} s (${Math.round(hi / Math.max(seconds, 0.1)).toLocaleString("en")} requests/s)`);
      }
      const requestsSeconds = elapsed(mark);

      mark = performance.now();
      const openEvents = options.open > 0 ? await insertChunk(client, rng, openPlanSql(rng, escalateAfterS), [options.end, options.open]) : 0;
      events += openEvents;
      const openSeconds = elapsed(mark);
      log(`open requests ${options.open.toLocaleString("en")} · events ${openEvents.toLocaleString("en")} · ${openSeconds} s`);

      await client.query(MILESTONES_TRIGGER.replace("%s", "ENABLE"));
      triggerDisabled = false;
      mark = performance.now();
      const rebuilt = await client.query<{ rows: string }>(`SELECT request_milestones_rebuild()::text AS rows`);
      const milestonesSeconds = elapsed(mark);
      log(`milestones rebuilt: ${rebuilt.rows[0]?.rows ?? "?"} rows (${milestonesSeconds} s)`);
      await client.query(`DROP TABLE hist_plan`);
      await client.query(`DROP TABLE hist_hours`);
      await client.query("COMMIT");

      mark = performance.now();
      // Settled like a database that has lived a year: statistics, hint bits, visibility map.
      await client.query(`VACUUM (ANALYZE) "ReadingRequest", "RequestEvent", "RequestMilestones", "Shift", "ShiftSite", "User", "Site", "ReadingPrivilege"`);
      const analyzeSeconds = elapsed(mark);
      log(`vacuum analyze (${analyzeSeconds} s)`);
      return {
        from,
        end: options.end,
        requests: options.requests,
        openRequests: options.open,
        events,
        milestones: Number(rebuilt.rows[0]?.rows ?? 0),
        shifts: rota.shifts,
        shiftSites: rota.shiftSites,
        territory,
        password,
        seconds: { territory: territorySeconds, requests: requestsSeconds, open: openSeconds, milestones: milestonesSeconds, analyze: analyzeSeconds, total: elapsed(started) },
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      // The rollback restores the trigger; this covers an error after COMMIT's point of no return.
      if (triggerDisabled) await client.query(MILESTONES_TRIGGER.replace("%s", "ENABLE")).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

/** One plan into hist_plan, then its requests and events; returns the number of events. */
async function insertChunk(client: pg.ClientBase, rng: Rng, planSql: string, params: unknown[]): Promise<number> {
  const t = [performance.now()];
  await client.query(`TRUNCATE hist_plan`);
  await client.query(planSql, params);
  t.push(performance.now());
  await insertPlannedRequests(client, rng);
  t.push(performance.now());
  const n = await insertPlannedEvents(client);
  t.push(performance.now());
  if (process.env.HISTORY_DEBUG) console.error("plan/requests/events ms", t.slice(1).map((x, i) => Math.round(x - t[i]!)));
  return n;
}

async function assertEmpty(client: pg.ClientBase, force: boolean): Promise<void> {
  const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "ReadingRequest") AS any`);
  if (rows[0]?.any && !force) {
    throw new HistoryRefusedError("The database already has requests: the generator is for empty benchmark or development databases (--force adds to it anyway).");
  }
}

/** The escalation delays the database holds (the head may have changed the defaults). */
async function loadEscalationDelays(client: pg.ClientBase): Promise<number[]> {
  const { rows } = await client.query<{ priority: string; s: number }>(`SELECT "priority"::text AS priority, "escalateAfterS" AS s FROM "PriorityTarget"`);
  const of = (priority: string, index: number) => rows.find((row) => row.priority === priority)?.s ?? ESCALATE_AFTER_S[index] ?? 600;
  return [of("VITAL", 0), of("URGENT", 1), of("ROUTINE", 2)];
}

/** The same local time one year earlier in the territory (12 calendar months, DST-aware). */
async function yearBefore(client: pg.ClientBase, end: Date): Promise<Date> {
  const { rows } = await client.query<{ from: Date }>(
    `SELECT (($1::timestamptz AT TIME ZONE '${TERRITORY_TIME_ZONE}') - interval '1 year') AT TIME ZONE '${TERRITORY_TIME_ZONE}' AS "from"`,
    [end],
  );
  const from = rows[0]?.from;
  if (!from) throw new Error("could not compute the start of the year");
  return from;
}

import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../auth/password";
import { dropSecondaryIndexes, recreateIndexes, restoreTriggers, skipTriggersIfAllowed } from "./history-bulk-load";
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
  seconds: { territory: number; requests: number; open: number; indexes: number; milestones: number; analyze: number; total: number };
}

export class HistoryRefusedError extends Error {}

const MILESTONES_TRIGGER = `ALTER TABLE "RequestEvent" %s TRIGGER "RequestEvent_milestones"`;

export async function generateHistory(databaseUrl: string, options: HistoryOptions): Promise<HistoryResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Timestamps are stored as UTC wall-clock (Prisma's convention); the session must agree.
    await client.query(`SET TIME ZONE 'UTC'`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '128MB'`);
    const from = await yearBefore(client, options.end);

    await client.query("BEGIN");
    let loaded: Omit<HistoryResult, "seconds"> & { seconds: Omit<HistoryResult["seconds"], "analyze" | "total"> };
    try {
      loaded = await loadInTransaction(client, { ...options, from, log });
      await client.query("COMMIT");
    } catch (error) {
      // The rollback also restores the milestones trigger and the dropped indexes.
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }

    const mark = performance.now();
    // Settled like a database that has lived a year: statistics, hint bits, visibility map.
    await client.query(`VACUUM (ANALYZE) "ReadingRequest", "RequestEvent", "RequestMilestones", "Shift", "ShiftSite", "User", "Site", "ReadingPrivilege"`);
    const analyze = elapsed(mark);
    log(`vacuum analyze (${analyze} s)`);
    return { ...loaded, seconds: { ...loaded.seconds, analyze, total: elapsed(started) } };
  } finally {
    await client.end();
  }
}

const elapsed = (since: number) => Math.round((performance.now() - since) / 100) / 10;

async function loadInTransaction(client: pg.ClientBase, options: HistoryOptions & { from: Date; log: (line: string) => void }) {
  const { from, end, log } = options;
  const rng = seededRng(options.seed);
  await assertEmpty(client, options.force === true);
  const escalateAfterS = await loadEscalationDelays(client);

  let mark = performance.now();
  const password = randomBytes(12).toString("base64url");
  const createdAt = new Date(from.getTime() - 30 * 86_400_000);
  const territory = await insertTerritory(client, rng, { seed: options.seed, passwordHash: await hashPassword(password), createdAt });
  const rota = await insertRota(client, rng, { from, end, createdAt });
  const territorySeconds = elapsed(mark);
  log(`territory: ${territory.sites} sites, ${territory.radiologists} radiologists, ${rota.shifts} shifts (${territorySeconds} s)`);

  // The milestones are rebuilt once at the end: per-row trigger work would triple the time.
  await client.query(MILESTONES_TRIGGER.replace("%s", "DISABLE"));
  let load: { events: number; seconds: { requests: number; open: number; indexes: number } };
  try {
    load = await bulkLoad(client, rng, { ...options, escalateAfterS });
  } finally {
    // After an error the transaction is aborted and this fails: the caller's rollback restores it.
    await client.query(MILESTONES_TRIGGER.replace("%s", "ENABLE")).catch(() => undefined);
  }

  mark = performance.now();
  const rebuilt = await client.query<{ rows: string }>(`SELECT request_milestones_rebuild()::text AS rows`);
  const milestones = Number(rebuilt.rows[0]?.rows ?? 0);
  const milestonesSeconds = elapsed(mark);
  log(`milestones rebuilt: ${milestones.toLocaleString("en")} rows (${milestonesSeconds} s)`);
  return {
    from,
    end,
    requests: options.requests,
    openRequests: options.open,
    events: load.events,
    milestones,
    shifts: rota.shifts,
    shiftSites: rota.shiftSites,
    territory,
    password,
    seconds: { territory: territorySeconds, ...load.seconds, milestones: milestonesSeconds },
  };
}

/** The requests and their events, chunk by chunk, then the open ones, then the indexes. */
async function bulkLoad(client: pg.ClientBase, rng: Rng, options: HistoryOptions & { from: Date; log: (line: string) => void; escalateAfterS: number[] }) {
  const { from, end, log, escalateAfterS } = options;
  const chunkSize = options.chunkSize ?? 50_000;
  const unchecked = await skipTriggersIfAllowed(client);
  const dropped = await dropSecondaryIndexes(client, ["ReadingRequest", "RequestEvent"]);
  log(`bulk load: ${dropped.length} secondary indexes built after the load${unchecked ? ", foreign keys not re-checked row by row" : ""}`);
  await createPlanTable(client);
  await createArrivalHours(client, { requests: options.requests, from, end });

  let mark = performance.now();
  let events = 0;
  for (let lo = 0; lo < options.requests; lo += chunkSize) {
    const hi = Math.min(options.requests, lo + chunkSize);
    events += await insertChunk(client, rng, closedPlanSql(rng, escalateAfterS), [lo, hi, end]);
    const seconds = elapsed(mark);
    log(`requests ${hi.toLocaleString("en")}/${options.requests.toLocaleString("en")} · events ${events.toLocaleString("en")} · ${seconds} s (${Math.round(hi / Math.max(seconds, 0.1)).toLocaleString("en")} requests/s)`);
  }
  const requests = elapsed(mark);

  mark = performance.now();
  const openEvents = options.open > 0 ? await insertChunk(client, rng, openPlanSql(rng, escalateAfterS), [end, options.open]) : 0;
  events += openEvents;
  const open = elapsed(mark);
  log(`open requests ${options.open.toLocaleString("en")} · events ${openEvents.toLocaleString("en")} · ${open} s`);

  mark = performance.now();
  await recreateIndexes(client, dropped);
  const indexes = elapsed(mark);
  log(`indexes rebuilt (${indexes} s)`);
  if (unchecked) await restoreTriggers(client);
  await client.query(`DROP TABLE hist_plan, hist_hours`);
  return { events, seconds: { requests, open, indexes } };
}

/** One plan into hist_plan, then its requests and events; returns the number of events. */
async function insertChunk(client: pg.ClientBase, rng: Rng, planSql: string, params: unknown[]): Promise<number> {
  await client.query(`TRUNCATE hist_plan`);
  await client.query(planSql, params);
  await insertPlannedRequests(client, rng);
  return insertPlannedEvents(client);
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

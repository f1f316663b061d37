// `npm run bench -- dashboard`: server time of the turnaround dashboard for 12 months over a year
// of a busy territory (1M requests with their timelines), and of the live operations board with
// 5,000 open requests. Targets: dashboard ≤ 300 ms, board ≤ 50 ms.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "@/lib/domain/access";
import { dashboardQuerySchema, type DashboardQuery, type DashboardQueryInput } from "@/lib/domain/dashboard/dashboard-schemas";
import type { DashboardView } from "@/lib/domain/dashboard/dashboard-view";
import { instantToLocalDateTime } from "@/lib/domain/rota/wall-clock";
import { flushReadAudits } from "@/lib/server/audit/read-audit-buffer";
import { createDbClient, type Db } from "@/lib/server/db/client";
import { computeDashboardView } from "@/lib/server/services/dashboard/compute-dashboard-view";
import { getOperationsBoard } from "@/lib/server/services/operations/get-operations-board";
import { openDashboardDatabase, type DashboardDatabase } from "./lib/dashboard-database";
import { dashboardFigures, type DashboardResults, type VariantResult } from "./lib/dashboard-figures";
import { heapBytes, summarise, timeOnce, timeRuns } from "./lib/dashboard-timing";
import { publish } from "./lib/report";

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: "string", default: "1000000" },
      open: { type: "string", default: "5000" },
      seed: { type: "string", default: "1" },
      // Measured calls per variant, after the warm-up ones.
      runs: { type: "string", default: "30" },
      warmup: { type: "string", default: "3" },
      // Each cold call uses a new database client, so a new in-memory index is loaded.
      "cold-runs": { type: "string", default: "3" },
      "pg-port": { type: "string", default: "55500" },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  return {
    requests: int("requests", 1),
    open: int("open", 0),
    seed: int("seed", 1),
    runs: int("runs", 1),
    warmup: int("warmup", 0),
    coldRuns: int("cold-runs", 1),
    pgPort: int("pg-port", 1),
  };
}

type Options = ReturnType<typeof options>;

interface Variant {
  name: string;
  description: string;
  query: DashboardQuery;
}

/** The four dashboards measured: the whole year, a filtered one, and the heaviest breakdowns. */
async function variants(db: Db, from: string, to: string): Promise<Variant[]> {
  const [busiest] = await db.$queryRaw<{ siteId: string }[]>`
    SELECT "siteId"::text AS "siteId" FROM "RequestMilestones" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  if (!busiest) throw new Error("the history has no requests");
  const make = (name: string, description: string, input: DashboardQueryInput): Variant => ({ name, description, query: dashboardQuerySchema.parse(input) });
  return [
    make("all", "the whole territory, breakdown by priority", { filter: { from, to }, breakdown: "priority" }),
    make("site_priority", "the busiest site, urgent requests only", { filter: { from, to, siteIds: [busiest.siteId], priorities: ["URGENT"] }, breakdown: "priority" }),
    make("radiologist", "breakdown by radiologist (40)", { filter: { from, to }, breakdown: "radiologist" }),
    make("hour", "breakdown by hour of day", { filter: { from, to }, breakdown: "hour" }),
  ];
}

async function headActor(db: Db, email: string): Promise<Actor> {
  const head = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, displayName: true } });
  return { id: head.id, role: "DEPARTMENT_HEAD", displayName: head.displayName, siteId: null, readableSiteIds: [] };
}

async function databaseStats(db: Db) {
  const [row] = await db.$queryRaw<{ database: bigint; events: bigint; requests: bigint; milestones: bigint; requestRows: bigint; eventRows: bigint }[]>`
    SELECT pg_database_size(current_database()) AS database,
           pg_total_relation_size('"RequestEvent"') AS events,
           pg_total_relation_size('"ReadingRequest"') AS requests,
           pg_total_relation_size('"RequestMilestones"') AS milestones,
           (SELECT count(*) FROM "ReadingRequest") AS "requestRows",
           (SELECT count(*) FROM "RequestEvent") AS "eventRows"`;
  if (!row) throw new Error("no database statistics");
  return {
    databaseBytes: Number(row.database),
    eventsBytes: Number(row.events),
    requestsBytes: Number(row.requests),
    milestonesBytes: Number(row.milestones),
    requestRows: Number(row.requestRows),
    eventRows: Number(row.eventRows),
  };
}

async function measure(database: DashboardDatabase, opts: Options): Promise<DashboardResults> {
  const end = new Date(database.marker.end);
  const from = instantToLocalDateTime(new Date(database.marker.result.from)).slice(0, 10);
  // The last day with requests: the one `end` falls in (or the day before a midnight end).
  const to = instantToLocalDateTime(new Date(end.getTime() - 1)).slice(0, 10);
  console.log(`[bench] dashboard period ${from} .. ${to}, now = ${end.toISOString()}`);

  const loadBefore = loadavg()[0] ?? 0;
  const probe = createDbClient(database.url, 4);
  const [queries, stats, actor] = await Promise.all([variants(probe, from, to), databaseStats(probe), headActor(probe, database.marker.headEmail)]);
  await probe.$disconnect();
  const all = queries[0]!;

  // Cold: a new client has no index yet; its first call loads the year of milestones.
  const cold: number[] = [];
  let indexBytes: number | null = null;
  let db: Db | null = null;
  for (let run = 0; run < opts.coldRuns; run++) {
    if (db) await db.$disconnect();
    db = createDbClient(database.url);
    const before = heapBytes();
    const { ms, value } = await timeOnce(() => computeDashboardView({ db: db!, query: all.query, now: end }));
    if (run === 0) indexBytes = heapBytes() - before;
    cold.push(ms);
    console.log(`[bench] cold call ${run + 1}/${opts.coldRuns}: ${Math.round(ms)} ms (${value.totals.submitted.toLocaleString("en")} requests in the period)`);
  }
  const warmDb = db!;

  const measured: VariantResult[] = [];
  let sample: DashboardView | null = null;
  for (const variant of queries) {
    sample = await computeDashboardView({ db: warmDb, query: variant.query, now: end });
    const samples = await timeRuns(() => computeDashboardView({ db: warmDb, query: variant.query, now: end }), opts);
    measured.push({ name: variant.name, description: variant.description, samples, submitted: sample.totals.submitted });
    console.log(`[bench] dashboard ${variant.name}: p50 ${samples.p50} ms, p95 ${samples.p95} ms, max ${samples.max} ms`);
  }
  const payloadBytes = Buffer.byteLength(JSON.stringify(await computeDashboardView({ db: warmDb, query: all.query, now: end })));

  const boardFirst = await timeOnce(() => getOperationsBoard({ db: warmDb, actor, now: end }));
  const board = await timeRuns(() => getOperationsBoard({ db: warmDb, actor, now: end }), opts);
  console.log(`[bench] board: first ${Math.round(boardFirst.ms)} ms, p50 ${board.p50} ms, p95 ${board.p95} ms (${boardFirst.value.counters.open} open)`);
  await flushReadAudits();
  await warmDb.$disconnect();

  return {
    marker: database.marker,
    generatedNow: database.generated,
    stats,
    cold: summarise(cold),
    indexBytes,
    variants: measured,
    payloadBytes,
    board,
    boardFirstMs: boardFirst.ms,
    boardCounters: boardFirst.value.counters,
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
  };
}

export async function runDashboardBench(argv: string[]): Promise<void> {
  const opts = options(argv);
  // A year ending at the last full hour: the live board then looks at "now" as generated.
  const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const database = await openDashboardDatabase({ requests: opts.requests, open: opts.open, seed: opts.seed, end, pgPort: opts.pgPort, log: (line) => console.log(line) });
  try {
    if (!database.generated) console.log(`[bench] reusing the history generated ${database.marker.generatedAt} (${database.marker.requests.toLocaleString("en")} requests)`);
    const results = await measure(database, opts);
    publish({
      bench: "dashboard",
      title: "Turnaround dashboard and live board at scale",
      command: "npm run bench -- dashboard [--requests 1000000] [--open 5000] [--runs 30] [--cold-runs 3] [--seed 1]",
      about: ABOUT,
      figures: dashboardFigures(results),
    });
  } finally {
    await database.stop();
  }
}

const ABOUT = `
A year of a busy territory is generated once by \`npm run history:generate\`'s generator
(\`lib/server/history/\`) into an embedded PostgreSQL kept under \`bench/.data/dashboard\`:
1,000,000 finished requests over the 12 months before the generation's hour, with their
timelines (~11 events each, written as the services write them), plus 5,000 requests still
open, 12 hospitals in 3 agreements, 40 radiologists and a year of on-call shifts. Later runs
reuse it while the size and seed match (the generation's own figures are repeated below).

**Server time** is the wall time of the use case called in process, as the tRPC procedure calls
it (its SQL round trips and its computation; no HTTP, no serialization): \`computeDashboardView\`
for the 12 months, and \`getOperationsBoard\` for the department head at the end of the year.
The *cold* dashboard call is the first one of a new database client: it loads the in-memory
index of the year's milestones (what a server does once after it starts); *warm* calls only
catch up with rows written since. Each warm figure is over \`--runs\` calls after \`--warmup\`
ones, one call at a time. Targets: **dashboard ≤ 300 ms** (12 months, 1M requests), **live
board ≤ 50 ms** (5,000 open requests); ratios ≤ 1 meet them.
`;

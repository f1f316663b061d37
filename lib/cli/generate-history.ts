// `npm run history:generate -- [--requests N] [--open N] [--end YYYY-MM-DD] [--seed S] [--force]`:
// fills an empty database with a year of a busy territory (lib/server/history/), for the
// dashboards' benchmarks and for developing them on realistic volumes.
//
// The database: DATABASE_URL when set; otherwise the embedded PostgreSQL that `npm start` keeps
// under DATA_DIR (the running server's, or started here and stopped after). Pending migrations
// are applied first. Exit code 0 done, 1 refused (the database has requests), 2 error.
import { parseArgs } from "node:util";
import pg from "pg";
import { LOCAL_DATE_PATTERN, parseLocalDate, wallClockToInstant } from "@/lib/domain/rota/wall-clock";
import { applyMigrations } from "@/lib/server/db/apply-migrations";
import { connectCliDatabase } from "@/lib/server/db/cli-database";
import { generateHistory, HistoryRefusedError, type HistoryOptions } from "@/lib/server/history/generate-history";

const USAGE = `usage: npm run history:generate -- [options]
  --requests N   finished requests over the 12 months before --end (default 1000000)
  --open N       requests still open at --end (default 5000)
  --end DATE     YYYY-MM-DD (midnight, Europe/Paris) or an ISO instant (default: now)
  --seed S       positive integer; the same seed gives the same data (default 1)
  --force        add to a database that already has requests
  Database: DATABASE_URL when set, otherwise the embedded database under DATA_DIR.
  Exit code: 0 done, 1 refused (the database already has requests), 2 error.`;

class UsageError extends Error {}

function options(argv: string[]): Omit<HistoryOptions, "log"> {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: "string", default: "1000000" },
      open: { type: "string", default: "5000" },
      end: { type: "string" },
      seed: { type: "string", default: "1" },
      chunk: { type: "string", default: "50000" },
      force: { type: "boolean", default: false },
    },
  });
  const count = (name: "requests" | "open" | "seed" | "chunk", min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > 100_000_000) throw new UsageError(`--${name} must be an integer >= ${min}`);
    return value;
  };
  return { requests: count("requests", 0), open: count("open", 0), seed: count("seed", 1), chunkSize: count("chunk", 1000), end: parseEnd(values.end), force: values.force };
}

function parseEnd(value: string | undefined): Date {
  if (value === undefined) return new Date(Math.floor(Date.now() / 60_000) * 60_000);
  if (LOCAL_DATE_PATTERN.test(value)) {
    if (parseLocalDate(value) === null) throw new UsageError(`--end ${value} is not a calendar date`);
    return wallClockToInstant(`${value}T00:00`);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new UsageError(`--end must be YYYY-MM-DD or an ISO instant, not ${value}`);
  return instant;
}

async function databaseSize(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    return rows[0]?.size ?? "?";
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const chosen = options(process.argv.slice(2));
  const connection = await connectCliDatabase({ createIfMissing: true, log: console.log });
  try {
    const applied = await applyMigrations(connection.url);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
    console.log(`Generating ${chosen.requests.toLocaleString("en")} requests up to ${chosen.end.toISOString()} and ${chosen.open.toLocaleString("en")} open at that time (seed ${chosen.seed})`);
    const result = await generateHistory(connection.url, { ...chosen, log: (line) => console.log(`  ${line}`) });
    const perSecond = Math.round(result.requests / Math.max(result.seconds.requests, 0.1));
    console.log(`Done in ${result.seconds.total} s: ${result.requests.toLocaleString("en")} + ${result.openRequests.toLocaleString("en")} requests, ${result.events.toLocaleString("en")} events, ${result.milestones.toLocaleString("en")} milestone rows (${perSecond.toLocaleString("en")} requests/s inserted); database ${await databaseSize(connection.url)}`);
    console.log(`Period ${result.from.toISOString()} .. ${result.end.toISOString()}. Department head: ${result.territory.headEmail} / ${result.password} (every generated account has this password)`);
    return 0;
  } catch (error) {
    if (error instanceof HistoryRefusedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error);
    process.exit(2);
  },
);

// `npm run reports:verify`: recomputes the SHA-256 fingerprint of every signed report version
// from its stored columns, checks each addendum's link to the version before it, and prints
// any mismatch. Exit code 0 when all match, 1 on any mismatch, 2 when it could not check.
//
// The database: DATABASE_URL when set; otherwise the embedded PostgreSQL that `npm start` keeps
// under DATA_DIR (the running server's, or started here for the check and stopped after).
// Read-only: it applies no migration and writes nothing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDbClient } from "@/lib/server/db/client";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { parseEnv } from "@/lib/server/env";
import { verifyReportFingerprints, type FingerprintMismatch } from "@/lib/server/services/reports/verify-report-fingerprints";

const USAGE = `usage: npm run reports:verify
  Checks every signed report version against its SHA-256 fingerprint and its addendum chain.
  Database: DATABASE_URL (postgresql://...) when set, otherwise the embedded database under
  DATA_DIR (default .data, port EMBEDDED_PG_PORT) that \`npm start\` created.
  Exit code: 0 all match, 1 mismatch found, 2 could not check.`;

interface Connection {
  url: string;
  close: () => Promise<void>;
}

async function connect(): Promise<Connection> {
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, close: async () => undefined };

  // The embedded cluster's password is kept beside it by lib/server/db/embedded-postgres.ts.
  const settingsFile = path.resolve(env.DATA_DIR, "pg-settings.json");
  if (!existsSync(settingsFile)) throw new UsageError(`DATABASE_URL is not set and there is no embedded database under ${path.resolve(env.DATA_DIR)}.`);
  const { password } = JSON.parse(readFileSync(settingsFile, "utf8")) as { password: string };
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/teleradio`;
  if (await reachable(url)) return { url, close: async () => undefined };

  // The server is not running: start the cluster for the check only (same data, same port).
  const database = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, database: "teleradio" });
  return { url: database.url, close: database.stop };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

class UsageError extends Error {}

function describe(mismatch: FingerprintMismatch): string {
  const where = `version ${mismatch.versionId} (request ${mismatch.requestId}, sequence ${mismatch.sequence})`;
  const problem = mismatch.problem === "fingerprint" ? "content does not match its fingerprint" : "not chained to the previous signed version";
  return `MISMATCH ${where}: ${problem}\n  stored:   ${mismatch.stored ?? "none"}\n  computed: ${mismatch.computed ?? "none"}`;
}

async function main(): Promise<number> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const connection = await connect();
  const db = createDbClient(connection.url, 2);
  try {
    const { checked, mismatches } = await verifyReportFingerprints(db);
    for (const mismatch of mismatches) console.log(describe(mismatch));
    console.log(`checked ${checked} signed report versions, ${mismatches.length} mismatch(es)`);
    return mismatches.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
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

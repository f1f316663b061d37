import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { parseEnv } from "../env";
import { startEmbeddedPostgres } from "./embedded-postgres";

// The database a command-line tool works on: DATABASE_URL's (as DATABASE_OWNER_URL's role when
// set) when DATABASE_URL is set, else the embedded cluster
// under DATA_DIR, reached if the server runs, started for the tool (same data, same port) if not.

export interface CliDatabase {
  url: string;
  close: () => Promise<void>;
}

/** Thrown when there is neither DATABASE_URL nor an embedded cluster and the tool may not create one. */
export class NoDatabaseError extends Error {}

export async function connectCliDatabase(options: { createIfMissing: boolean; log?: (line: string) => void }): Promise<CliDatabase> {
  const env = parseEnv(process.env);
  // Operator tools (verifiers, the history generator, which migrates and bulk-loads) run as the
  // owner when one is configured, as the embedded cluster's tools run as its superuser.
  if (env.DATABASE_URL) return { url: env.DATABASE_OWNER_URL ?? env.DATABASE_URL, close: async () => undefined };
  // The embedded cluster's password is kept beside it by lib/server/db/embedded-postgres.ts.
  const settingsFile = path.resolve(env.DATA_DIR, "pg-settings.json");
  if (existsSync(settingsFile)) {
    const { password } = JSON.parse(readFileSync(settingsFile, "utf8")) as { password: string };
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/teleradio`;
    if (await reachable(url)) return { url, close: async () => undefined };
  } else if (!options.createIfMissing) {
    throw new NoDatabaseError(`DATABASE_URL is not set and there is no embedded database under ${path.resolve(env.DATA_DIR)}.`);
  }
  options.log?.(`Starting the embedded PostgreSQL under ${path.resolve(env.DATA_DIR)} (port ${env.EMBEDDED_PG_PORT})`);
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

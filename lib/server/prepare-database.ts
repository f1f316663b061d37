import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "./db/apply-migrations";
import { startEmbeddedPostgres } from "./db/embedded-postgres";
import type { Env } from "./env";

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL under DATA_DIR.
 * Either way, pending migrations are applied before anything else touches the database.
 */
export async function prepareDatabase(env: Env, log: (line: string) => void): Promise<PreparedDatabase> {
  let prepared: PreparedDatabase;
  if (env.DATABASE_URL) {
    prepared = { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  } else {
    log(`Starting the embedded PostgreSQL (data in ${path.resolve(env.DATA_DIR, "pg")}, port ${env.EMBEDDED_PG_PORT})`);
    const db = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, database: "teleradio", log });
    prepared = { url: db.url, embedded: true, stop: db.stop };
  }
  const applied = await applyMigrations(prepared.url);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  return prepared;
}

/**
 * The session signing secret. Required in configuration with an external database; with the
 * embedded one a random secret is generated once and kept under DATA_DIR.
 */
export function resolveAuthSecret(env: Env, embedded: boolean): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (!embedded) throw new Error("NEXTAUTH_SECRET must be set (32+ characters) when DATABASE_URL is set.");
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "./db/apply-migrations";
import { startEmbeddedPostgres } from "./db/embedded-postgres";
import { grantRuntimePrivileges, roleOfUrl, roleStanding } from "./db/runtime-role";
import type { Env } from "./env";

export interface PreparedDatabase {
  /** The run-time role's connection: what the server uses. */
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * Uses DATABASE_URL when set; otherwise starts the embedded PostgreSQL under DATA_DIR.
 * Either way, pending migrations are applied as the owner (the embedded cluster's superuser, or
 * DATABASE_OWNER_URL) before anything else touches the database, then the run-time role is
 * given its rights on whatever the migrations created.
 */
export async function prepareDatabase(env: Env, log: (line: string) => void): Promise<PreparedDatabase> {
  let prepared: PreparedDatabase & { ownerUrl: string };
  if (env.DATABASE_URL) {
    prepared = { url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL ?? env.DATABASE_URL, embedded: false, stop: async () => undefined };
  } else {
    log(`Starting the embedded PostgreSQL (data in ${path.resolve(env.DATA_DIR, "pg")}, port ${env.EMBEDDED_PG_PORT})`);
    const db = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, database: "teleradio", log });
    prepared = { url: db.appUrl, ownerUrl: db.url, embedded: true, stop: db.stop };
  }
  const applied = await applyMigrations(prepared.ownerUrl);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  if (roleOfUrl(prepared.ownerUrl) !== roleOfUrl(prepared.url)) await grantRuntimePrivileges(prepared.ownerUrl, roleOfUrl(prepared.url));
  const standing = await roleStanding(prepared.url);
  if (standing.superuser || standing.ownsTables) {
    // Not refused: existing installations keep starting. docs/security.md says how to split the roles.
    log(
      `WARNING: the server connects to PostgreSQL as ${standing.name}, which ${standing.superuser ? "is a superuser" : "owns the tables"}: ` +
        "it could switch off the audit log's append-only triggers. Set DATABASE_OWNER_URL to the owner and DATABASE_URL to a role with data rights only (docs/security.md).",
    );
  }
  return { url: prepared.url, embedded: prepared.embedded, stop: prepared.stop };
}

/**
 * The session signing secret. Required in configuration with an external database; with the
 * embedded one a random secret is generated once and kept under DATA_DIR.
 */
export function resolveAuthSecret(env: Env, embedded: boolean): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (!embedded) throw new Error("NEXTAUTH_SECRET must be set (32+ characters) when DATABASE_URL is set.");
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  if (existsSync(file)) {
    // A file written before the mode was enforced is closed on the way.
    chmodSync(file, 0o600);
    return readFileSync(file, "utf8").trim();
  }
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

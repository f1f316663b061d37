import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../server/db/apply-migrations";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { grantRuntimePrivileges, roleOfUrl } from "../server/db/runtime-role";

declare module "vitest" {
  export interface ProvidedContext {
    /** As the cluster's superuser (the owner): what most tests use, to arrange any state. */
    databaseUrl: string;
    /** As the run-time role the server connects with (lib/server/db/runtime-role.ts). */
    appDatabaseUrl: string;
  }
}

/** A real PostgreSQL for the integration tests: a fresh cluster and database per run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-it-"));
  const port = 56000 + Math.floor(Math.random() * 2000);
  const database = await startEmbeddedPostgres({ dataDir, port, database: "teleradio_test" });
  await applyMigrations(database.url);
  await grantRuntimePrivileges(database.url, roleOfUrl(database.appUrl));
  project.provide("databaseUrl", database.url);
  project.provide("appDatabaseUrl", database.appUrl);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

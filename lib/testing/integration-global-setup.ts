import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../server/db/apply-migrations";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A real PostgreSQL for the integration tests: a fresh cluster and database per run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-it-"));
  const port = 56000 + Math.floor(Math.random() * 2000);
  const database = await startEmbeddedPostgres({ dataDir, port, database: "teleradio_test" });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

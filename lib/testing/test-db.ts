import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { applyMigrations } from "../server/db/apply-migrations";
import { createDbClient } from "../server/db/client";
import { loadActor } from "../server/auth/load-actor";
import type { Actor } from "../domain/access";

/** A Prisma client on the run's real PostgreSQL (started by integration-global-setup.ts). */
export function connectTestDb(poolSize = 12) {
  const db = createDbClient(inject("databaseUrl"), poolSize);
  afterAll(() => db.$disconnect());
  return db;
}

export async function actorOf(db: ReturnType<typeof connectTestDb>, userId: string): Promise<Actor> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no actor ${userId}`);
  return actor;
}

/**
 * A database of the test file's own, fresh and migrated, on the run's PostgreSQL: for tests
 * that count what is global (the whole territory, the starter templates), which other test
 * files add to the shared database at any moment. Dropped after the file.
 */
export function connectFreshTestDb(prefix: string, poolSize = 6): { current: () => ReturnType<typeof createDbClient>; url: () => string } {
  const databaseName = `${prefix}_${randomUUID().replaceAll("-", "")}`;
  const urlOf = () => {
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${databaseName}`;
    return url.toString();
  };
  let db: ReturnType<typeof createDbClient> | undefined;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    await admin(`CREATE DATABASE "${databaseName}"`);
    await applyMigrations(urlOf());
    db = createDbClient(urlOf(), poolSize);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  });
  return {
    /** The fresh database as the owner (the cluster's superuser). */
    url: urlOf,
    current: () => {
      if (!db) throw new Error("the fresh test database exists once beforeAll has run");
      return db;
    },
  };
}

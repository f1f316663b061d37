import { afterAll, inject } from "vitest";
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

import "server-only";
import type { Db } from "../db/client";
import { INSTANCE_ALIVE_MS } from "../realtime/presence-store";

// Each instance says every few seconds that it is alive. Presence entries count only while
// their instance beats (presence-store.ts); at each beat, an instance deletes the entries of
// the instances that stopped (kill -9, a cut network) and has their requests announced, so the
// tabs that showed them drop them. DELETE ... RETURNING hands each entry to one instance only.

const BEAT_EVERY_MS = 5_000;
// An instance row is kept a day after its last beat (for the operator's eye), then removed.
const FORGET_AFTER_MS = 24 * 3_600_000;

export interface InstanceHeartbeat {
  /** Ends the beat and removes this instance's entries (a clean stop). */
  stop(): Promise<{ requestId: string; siteId: string }[]>;
}

export async function startInstanceHeartbeat(options: {
  db: Db;
  instanceId: string;
  log: (line: string) => void;
  /** Requests whose viewers went away with a dead instance. */
  onExpired: (entries: { requestId: string; siteId: string }[]) => void;
  everyMs?: number;
}): Promise<InstanceHeartbeat> {
  const { db, instanceId, log } = options;
  const beat = async () => {
    await db.$executeRaw`
      INSERT INTO "ClusterInstance" ("id", "seenAt") VALUES (${instanceId}, now())
      ON CONFLICT ("id") DO UPDATE SET "seenAt" = now()`;
    const expired = await db.$queryRaw<{ requestId: string; siteId: string }[]>`
      DELETE FROM "PresenceEntry" e USING "ClusterInstance" i
       WHERE i."id" = e."instanceId" AND i."seenAt" <= now() - make_interval(secs => ${INSTANCE_ALIVE_MS / 1000})
      RETURNING e."requestId"::text AS "requestId", e."siteId"::text AS "siteId"`;
    // An entry whose instance row is gone altogether (removed a day later) goes too.
    const orphans = await db.$queryRaw<{ requestId: string; siteId: string }[]>`
      DELETE FROM "PresenceEntry" e WHERE NOT EXISTS (SELECT 1 FROM "ClusterInstance" i WHERE i."id" = e."instanceId")
      RETURNING e."requestId"::text AS "requestId", e."siteId"::text AS "siteId"`;
    await db.$executeRaw`DELETE FROM "ClusterInstance" WHERE "seenAt" <= now() - make_interval(secs => ${FORGET_AFTER_MS / 1000})`;
    const gone = [...expired, ...orphans];
    if (gone.length > 0) options.onExpired(uniqueRequests(gone));
  };
  await beat();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = beat().catch((error: unknown) => log(`cluster heartbeat failed: ${error instanceof Error ? error.message : String(error)}`));
  }, options.everyMs ?? BEAT_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      if (stopped) return [];
      stopped = true;
      clearInterval(timer);
      await running;
      const mine = await db.$queryRaw<{ requestId: string; siteId: string }[]>`
        DELETE FROM "PresenceEntry" WHERE "instanceId" = ${instanceId}
        RETURNING "requestId"::text AS "requestId", "siteId"::text AS "siteId"`;
      await db.$executeRaw`DELETE FROM "ClusterInstance" WHERE "id" = ${instanceId}`;
      return uniqueRequests(mine);
    },
  };
}

function uniqueRequests(entries: { requestId: string; siteId: string }[]): { requestId: string; siteId: string }[] {
  return [...new Map(entries.map((entry) => [entry.requestId, entry])).values()];
}

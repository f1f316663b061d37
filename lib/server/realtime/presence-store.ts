import "server-only";
import type { PresenceMode, PresentViewer } from "@/lib/domain/presence";
import type { Db } from "../db/client";
import { PresenceRegistry, type PresenceViewer, type WatchedRequest } from "./presence-registry";

// Where presence is kept. One instance alone can keep it in memory (PresenceRegistry); several
// behind a load balancer share it in the database (SharedPresenceStore), so that a tab on one
// instance sees who looks from another. The socket server writes it, tRPC reads it: they meet
// through the globalThis slot below, like the hint publisher.

export interface PresenceStore {
  /** Replaces what a socket looks at; returns the requests whose viewers changed. */
  watch(socketId: string, viewer: PresenceViewer, mode: PresenceMode, requests: readonly WatchedRequest[]): Promise<WatchedRequest[]>;
  /** The socket went away: everything it looked at changes. */
  removeSocket(socketId: string): Promise<WatchedRequest[]>;
  /** Who looks at each request, one entry per person however many tabs they have open. */
  viewersOf(requestIds: Iterable<string>): Promise<Map<string, PresentViewer[]>>;
}

export class MemoryPresenceStore implements PresenceStore {
  constructor(private readonly registry = new PresenceRegistry()) {}
  watch(socketId: string, viewer: PresenceViewer, mode: PresenceMode, requests: readonly WatchedRequest[]): Promise<WatchedRequest[]> {
    return Promise.resolve(this.registry.watch(socketId, viewer, mode, requests));
  }
  removeSocket(socketId: string): Promise<WatchedRequest[]> {
    return Promise.resolve(this.registry.removeSocket(socketId));
  }
  viewersOf(requestIds: Iterable<string>): Promise<Map<string, PresentViewer[]>> {
    return Promise.resolve(this.registry.viewersOf(requestIds));
  }
}

/** An instance whose heartbeat is older than this is gone: its entries no longer count (instance-heartbeat.ts beats every 5 s). */
export const INSTANCE_ALIVE_MS = 20_000;

/**
 * Presence in the shared database: one row per socket and request, tagged with the instance
 * holding the socket. Entries of an instance that stopped beating do not count and are deleted
 * by the next heartbeat of any instance.
 */
export class SharedPresenceStore implements PresenceStore {
  constructor(
    private readonly db: Db,
    private readonly instanceId: string,
  ) {}

  async watch(socketId: string, viewer: PresenceViewer, mode: PresenceMode, requests: readonly WatchedRequest[]): Promise<WatchedRequest[]> {
    const next = [...new Map(requests.map((r) => [r.requestId, r])).values()];
    return this.db.$transaction(async (tx) => {
      const previous = await tx.presenceEntry.findMany({ where: { socketId }, select: { requestId: true, siteId: true, mode: true } });
      const nextIds = new Set(next.map((r) => r.requestId));
      const before = new Map(previous.map((p) => [p.requestId, p]));
      const left = previous.filter((p) => !nextIds.has(p.requestId)).map(({ requestId, siteId }) => ({ requestId, siteId }));
      const joined = next.filter((r) => !before.has(r.requestId));
      const switched = next.filter((r) => before.has(r.requestId) && before.get(r.requestId)!.mode !== mode);
      if (left.length > 0) await tx.presenceEntry.deleteMany({ where: { socketId, requestId: { in: left.map((r) => r.requestId) } } });
      if (joined.length > 0) {
        await tx.presenceEntry.createMany({
          data: joined.map((r) => ({ socketId, requestId: r.requestId, siteId: r.siteId, instanceId: this.instanceId, userId: viewer.userId, displayName: viewer.displayName, role: viewer.role, mode })),
          skipDuplicates: true,
        });
      }
      if (switched.length > 0) await tx.presenceEntry.updateMany({ where: { socketId, requestId: { in: switched.map((r) => r.requestId) } }, data: { mode } });
      return [...left, ...joined, ...switched];
    });
  }

  async removeSocket(socketId: string): Promise<WatchedRequest[]> {
    return this.db.$queryRaw<WatchedRequest[]>`
      DELETE FROM "PresenceEntry" WHERE "socketId" = ${socketId} RETURNING "requestId"::text AS "requestId", "siteId"::text AS "siteId"`;
  }

  async viewersOf(requestIds: Iterable<string>): Promise<Map<string, PresentViewer[]>> {
    const ids = [...new Set(requestIds)];
    const result = new Map<string, PresentViewer[]>();
    if (ids.length === 0) return result;
    const rows = await this.db.$queryRaw<{ requestId: string; userId: string; displayName: string; role: string; mode: PresenceMode }[]>`
      SELECT e."requestId"::text AS "requestId", e."userId"::text AS "userId", e."displayName", e."role", e."mode"
        FROM "PresenceEntry" e JOIN "ClusterInstance" i ON i."id" = e."instanceId"
       WHERE e."requestId" = ANY(${ids}::uuid[])
         AND i."seenAt" > now() - make_interval(secs => ${INSTANCE_ALIVE_MS / 1000})
       ORDER BY e."at", e."socketId"`;
    const byRequest = new Map<string, Map<string, PresentViewer>>();
    for (const row of rows) {
      let byUser = byRequest.get(row.requestId);
      if (!byUser) byRequest.set(row.requestId, (byUser = new Map()));
      byUser.set(row.userId, { userId: row.userId, name: row.displayName, role: row.role, mode: row.mode });
    }
    for (const [requestId, byUser] of byRequest) result.set(requestId, [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name)));
    return result;
  }
}

const slot = globalThis as unknown as { __teleradioPresenceStore?: PresenceStore };

export function getPresenceStore(): PresenceStore {
  return (slot.__teleradioPresenceStore ??= new MemoryPresenceStore());
}

export function setPresenceStore(store: PresenceStore | undefined): void {
  slot.__teleradioPresenceStore = store;
}

import "server-only";
import { receiveRightsChanged, receiveSessionsRevoked } from "../auth/sessions/session-events";
import type { Db } from "../db/client";
import { receiveJobWakeUp } from "../jobs/wake-job-worker";
import { receiveDataVersionBump, setDataVersionHeard } from "../realtime/data-version";
import { SharedPresenceStore, setPresenceStore } from "../realtime/presence-store";
import { publishPresenceChanged } from "../realtime/publish";
import { onClusterConnection, onClusterMessage, onClusterResync, startClusterBus } from "./cluster-bus";
import { clusterPool } from "./cluster-pool";
import { instanceId } from "./instance-id";
import { startInstanceHeartbeat } from "./instance-heartbeat";
import { RoomSequences } from "./room-sequences";
import { createSocketAdapter, type SocketAdapter } from "./socket-adapter";

// What makes an instance one of several (docs/deployment.md). Every instance runs it, one alone
// too: the same build and the same code path whatever the number behind the load balancer.
//   - hints reach the sockets of every instance (socket.io's adapter), numbered per room in the
//     database (room-sequences.ts);
//   - presence is kept in the database, and expires with an instance that stops beating;
//   - what an instance keeps in memory about others' changes (data version, cached DICOMweb
//     principals, sockets' sessions and rooms) is told over LISTEN/NOTIFY (cluster-bus.ts) and
//     dropped when that connection was lost;
//   - a job scheduled for now wakes the workers of every instance.

export interface Cluster {
  instanceId: string;
  adapter: SocketAdapter;
  sequences: RoomSequences;
  /** Stops beating and removes this instance's presence (announced), then closes its connections. */
  close(): Promise<void>;
}

export async function startCluster(options: { db: Db; databaseUrl: string; redisUrl?: string; log: (line: string) => void }): Promise<Cluster> {
  const { db, log } = options;
  const id = instanceId();
  // The adapter's pool: two connections, one held by its LISTEN, one for what it sends (one
  // sender keeps a room's hints in the order they were numbered). The cluster bus sends through
  // a pool of its own, so that nothing the adapter holds can starve it.
  const pool = clusterPool(options.databaseUrl, `teleradio io ${id}`, 2, log);
  const busPool = clusterPool(options.databaseUrl, `teleradio bus ${id}`, 1, log);

  const offMessage = onClusterMessage((message) => {
    switch (message.kind) {
      case "data":
        return receiveDataVersionBump();
      case "revoked":
        return receiveSessionsRevoked({ sessionIds: message.sessionIds });
      case "rights":
        return receiveRightsChanged(message.userId);
      case "jobs":
        return receiveJobWakeUp();
    }
  });
  const offConnection = onClusterConnection((connected) => setDataVersionHeard(connected));
  // A revocation with no id makes the DICOMweb principal cache forget everything (it forgets
  // all on any revocation); sockets are checked again by attach-realtime.ts's own handler.
  const offResync = onClusterResync(() => receiveSessionsRevoked({ sessionIds: [] }));
  const bus = startClusterBus({ connectionString: options.databaseUrl, pool: busPool, log });
  await bus.ready;

  setPresenceStore(new SharedPresenceStore(db, id));
  const announceGone = (entries: { requestId: string; siteId: string }[]) => {
    for (const { requestId, siteId } of entries) publishPresenceChanged(requestId, siteId);
  };
  const heartbeat = await startInstanceHeartbeat({ db, instanceId: id, log, onExpired: announceGone });
  const adapter = await createSocketAdapter({ pool, log, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) });
  log(`cluster: instance ${id}; socket.io across instances through ${adapter.engine}`);

  return {
    instanceId: id,
    adapter,
    sequences: new RoomSequences(db),
    async close() {
      try {
        announceGone(await heartbeat.stop());
      } catch (error) {
        log(`cluster: presence not removed at stop (it expires): ${error instanceof Error ? error.message : String(error)}`);
      }
      offMessage();
      offConnection();
      offResync();
      setPresenceStore(undefined);
      await bus.close();
      await adapter.close();
      await pool.end().catch(() => undefined);
      await busPool.end().catch(() => undefined);
    },
  };
}

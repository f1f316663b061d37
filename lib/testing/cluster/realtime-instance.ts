// One server instance without Next's pages: the tRPC API, socket.io and the cluster wiring of
// lib/server/main.ts, on a database that already exists. Several of them on one PostgreSQL
// behave as several instances of the product behind a load balancer, for tests that must not
// wait for a production build (lib/server/cluster/cluster.int.test.ts). Run in-process with
// startRealtimeInstance() or as a process of its own (realtime-instance-main.ts).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createActorResolvers } from "../../server/auth/actor-batch-loader";
import { createSessionChecker } from "../../server/auth/sessions/session-checker";
import { startCluster } from "../../server/cluster/start-cluster";
import type { Db } from "../../server/db/client";
import { attachRealtime } from "../../server/realtime/attach-realtime";
import { setHintPublisher } from "../../server/realtime/publish";
import { findWatchableRequest } from "../../server/services/presence/find-watchable-request";
import { createTrpcHttpHandler, TRPC_BASE_PATH } from "../../server/trpc/http-handler";

export interface RealtimeInstance {
  baseUrl: string;
  instanceId: string;
  close(): Promise<void>;
}

export async function startRealtimeInstance(options: {
  db: Db;
  /** The runtime role's URL: the cluster's own connections (LISTEN, socket.io's adapter). */
  databaseUrl: string;
  secret: string;
  port?: number;
  redisUrl?: string;
  log?: (line: string) => void;
}): Promise<RealtimeInstance> {
  const { db, secret } = options;
  const log = options.log ?? ((line: string) => console.log(`[instance] ${line}`));
  const cluster = await startCluster({ db, databaseUrl: options.databaseUrl, log, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}) });
  const { resolveActor, resolveSession } = createActorResolvers(db, createSessionChecker(db, { idleTimeoutMs: 30 * 60_000 }), { roles: [], demo: false });
  const trpc = createTrpcHttpHandler({ db, secret, resolveActor, resolveSession });
  const httpServer = createServer((req, res) => {
    if (req.url?.startsWith(TRPC_BASE_PATH)) trpc(req, res);
    else res.writeHead(404).end();
  });
  const io = attachRealtime(httpServer, {
    secret,
    resolveActor,
    log,
    cluster: { adapter: cluster.adapter.adapter, sequences: cluster.sequences },
    findWatchableRequest: async (actor, requestId) => {
      const current = await resolveActor(actor.id);
      return current ? findWatchableRequest({ db, actor: current, requestId }) : null;
    },
  });
  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    instanceId: cluster.instanceId,
    async close() {
      await io.close();
      setHintPublisher(undefined);
      await cluster.close();
      httpServer.closeAllConnections();
    },
  };
}

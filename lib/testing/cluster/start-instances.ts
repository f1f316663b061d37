import path from "node:path";
import { SERVE_ARGS, SERVE_ENV } from "../../server/build/serve-command";
import { spawnUntilReady, type ReadyChild } from "./spawn-until-ready";

// Several instances of the server on one PostgreSQL, each a process of its own, for the
// cluster tests and the faults bench (to put behind start-haproxy.ts). Two kinds:
//   - startRealtimeInstances: tRPC + socket.io + the cluster wiring, no pages, from source
//     (realtime-instance.ts); needs no build;
//   - startServerInstances: the product as production runs it (`node .next/teleradio-server.mjs`,
//     after `npm run build`), with its own HTTP, DICOM and MLLP ports per instance.

export interface Instance {
  baseUrl: string;
  port: number;
  child: ReadyChild;
}

const ROOT = path.resolve(import.meta.dirname, "../../..");

export async function startRealtimeInstances(options: {
  count: number;
  /** Where the instance's own queries go (the owner or the runtime role). */
  databaseUrl: string;
  /** The cluster's connections (LISTEN, socket.io's adapter); defaults to databaseUrl. */
  runtimeUrl?: string;
  secret: string;
  redisUrl?: string;
}): Promise<Instance[]> {
  const start = async (index: number): Promise<Instance> => {
    const child = await spawnUntilReady(
      process.execPath,
      ["--import", "tsx", "--import", path.join(ROOT, "lib/server/register-server-only.mjs"), path.join(ROOT, "lib/testing/cluster/realtime-instance-main.ts")],
      {
        name: `realtime instance ${index + 1}`,
        ready: /^ready http:/,
        timeoutMs: 60_000,
        env: {
          ...process.env,
          TEST_INSTANCE_DATABASE_URL: options.databaseUrl,
          TEST_INSTANCE_RUNTIME_URL: options.runtimeUrl ?? options.databaseUrl,
          TEST_INSTANCE_SECRET: options.secret,
          TEST_INSTANCE_PORT: "0",
          ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : { REDIS_URL: "" }),
        },
      },
    );
    const baseUrl = child.readyLine.split(" ")[1]!;
    return { baseUrl, port: Number(new URL(baseUrl).port), child };
  };
  return Promise.all(Array.from({ length: options.count }, (_, index) => start(index)));
}

export async function startServerInstances(options: {
  /** One entry per instance: its HTTP port, and its DICOM and MLLP ports (0: off). */
  ports: readonly { http: number; dicom?: number; hl7?: number }[];
  /** The runtime role (DATABASE_URL) and the owner (DATABASE_OWNER_URL) of an existing database. */
  databaseUrl: string;
  ownerUrl: string;
  secret: string;
  /** The address clients use (the load balancer's): NEXTAUTH_URL and the origin checks. */
  publicUrl: string;
  dataDir: string;
  redisUrl?: string;
  env?: Record<string, string>;
}): Promise<Instance[]> {
  const start = async (ports: { http: number; dicom?: number; hl7?: number }, index: number): Promise<Instance> => {
    const child = await spawnUntilReady(process.execPath, SERVE_ARGS, {
      name: `server instance ${index + 1}`,
      ready: /\[teleradio\] Ready on /,
      timeoutMs: 120_000,
      env: {
        ...process.env,
        ...options.env,
        ...SERVE_ENV,
        HOST: "127.0.0.1",
        PORT: String(ports.http),
        DATABASE_URL: options.databaseUrl,
        DATABASE_OWNER_URL: options.ownerUrl,
        NEXTAUTH_SECRET: options.secret,
        NEXTAUTH_URL: options.publicUrl,
        TRUST_PROXY: "true",
        DEMO_MODE: "off",
        DATA_DIR: options.dataDir,
        DICOM_PORT: String(ports.dicom ?? 0),
        HL7_PORT: String(ports.hl7 ?? 0),
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      },
    });
    return { baseUrl: `http://127.0.0.1:${ports.http}`, port: ports.http, child };
  };
  // One after the other: the first applies the migrations, the others find them applied.
  const instances: Instance[] = [];
  for (const [index, ports] of options.ports.entries()) instances.push(await start(ports, index));
  return instances;
}

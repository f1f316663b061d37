// Several production server processes on one PostgreSQL, for the faults bench: the database is
// the bench's own (embedded, so that it can be stopped and started again on the same port; or
// an external one from DATABASE_URL, which is then never restarted), and each instance is
// `node .next/teleradio-server.mjs` exactly as bench/lib/server-process.ts starts one.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERVE_ARGS, SERVE_ENV } from "@/lib/server/build/serve-command";
import { applyMigrations } from "@/lib/server/db/apply-migrations";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/server/db/embedded-postgres";
import { grantRuntimePrivileges, roleOfUrl } from "@/lib/server/db/runtime-role";
import { assertPortFree } from "./server-process";
import { superviseChild } from "./supervised-child";

export interface SharedDatabase {
  /** As the owner: migrations, the bench's fixtures and its checks. */
  ownerUrl: string;
  /** As the run-time role: what the instances connect with. */
  appUrl: string;
  /** Stops and starts the cluster on the same port and data; null for an external database. */
  restart: ((downMs: number) => Promise<{ stoppedAt: number; startedAt: number }>) | null;
  stop: () => Promise<void>;
}

export async function startSharedDatabase(options: { pgPort: number }): Promise<SharedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const ownerUrl = process.env.DATABASE_OWNER_URL ?? external;
    await applyMigrations(ownerUrl);
    if (roleOfUrl(ownerUrl) !== roleOfUrl(external)) await grantRuntimePrivileges(ownerUrl, roleOfUrl(external));
    return { ownerUrl, appUrl: external, restart: null, stop: async () => undefined };
  }
  await assertPortFree(options.pgPort);
  const dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-faults-pg-"));
  const start = () => startEmbeddedPostgres({ dataDir, port: options.pgPort, database: "teleradio" });
  let cluster: EmbeddedDatabase | null = await start();
  await applyMigrations(cluster.url);
  await grantRuntimePrivileges(cluster.url, roleOfUrl(cluster.appUrl));
  const { url: ownerUrl, appUrl } = cluster;
  return {
    ownerUrl,
    appUrl,
    restart: async (downMs) => {
      // embedded-postgres stops with pg_ctl's default (fast) mode: sessions are terminated
      // (57P01), transactions under way are rolled back.
      await cluster?.stop();
      cluster = null;
      const stoppedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      cluster = await start();
      return { stoppedAt, startedAt: Date.now() };
    },
    stop: async () => {
      await cluster?.stop();
      cluster = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Instance {
  name: string;
  port: number;
  pid: number;
  logTail: () => string;
  /** Whether the process is still running. */
  alive: () => boolean;
  /** kill -9: no shutdown of any kind, as a crash or an OOM kill. */
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

const HEALTH_TIMEOUT_MS = 180_000;

export async function startInstance(options: {
  name: string;
  port: number;
  database: SharedDatabase;
  secret: string;
  /** The address users reach (the load balancer's). */
  publicUrl: string;
}): Promise<Instance> {
  await assertPortFree(options.port);
  // Each instance has its own DATA_DIR (the bench stores no images: no shared archive needed).
  const dataDir = mkdtempSync(path.join(tmpdir(), `teleradio-faults-${options.name}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...SERVE_ENV,
    HOST: "127.0.0.1",
    PORT: String(options.port),
    DATA_DIR: dataDir,
    DATABASE_URL: options.database.appUrl,
    DATABASE_OWNER_URL: options.database.ownerUrl,
    DEMO_MODE: "off",
    // The bench's radiologists sign in with minted password sessions.
    STRONG_AUTH_ROLES: "none",
    NEXTAUTH_SECRET: options.secret,
    NEXTAUTH_URL: options.publicUrl,
    TRUST_PROXY: "true",
    // Loopback HTTP only: no DIMSE or MLLP listener to collide between the instances.
    DICOM_PORT: "0",
    HL7_PORT: "0",
  };
  const child = spawn(process.execPath, [...SERVE_ARGS], { env, stdio: ["ignore", "pipe", "pipe"] });
  const supervised = superviseChild(child, 20_000);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  const instance: Instance = {
    name: options.name,
    port: options.port,
    pid: child.pid ?? -1,
    logTail: supervised.logTail,
    alive,
    kill9: async () => {
      if (!alive()) return;
      child.kill("SIGKILL");
      await supervised.exited;
      cleanup();
    },
    stop: async () => {
      await supervised.stop();
      cleanup();
    },
  };
  try {
    if (child.pid === undefined) throw new Error(`could not spawn instance ${options.name}`);
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    for (;;) {
      if (!alive()) throw new Error(`instance ${options.name} exited during start (code ${child.exitCode})`);
      if (Date.now() > deadline) throw new Error(`instance ${options.name}: GET /api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
      const ok = await fetch(`http://127.0.0.1:${options.port}/api/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return instance;
  } catch (error) {
    console.error(supervised.logTail());
    await instance.stop();
    throw error;
  }
}

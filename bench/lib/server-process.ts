// Runs the real product server as its own process, exactly as `npm run serve` does, on a
// fresh embedded PostgreSQL: the bench measures the product, not an in-process imitation.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERVE_ARGS, SERVE_ENV } from "@/lib/server/build/serve-command";
import { buildServerBundle } from "@/lib/server/build/server-bundle";
import { superviseChild } from "./supervised-child";

export interface BenchServer {
  pid: number;
  baseUrl: string;
  /** The session signing secret we generated, so the bench can mint session cookies. */
  secret: string;
  /** postgresql:// URL of the embedded database, for creating the bench's users. */
  databaseUrl: string;
  /** The last lines the server printed, shown when something fails. */
  logTail: () => string;
  /** SIGTERM, wait for the exit (the server stops PostgreSQL itself), remove the data dir. */
  stop: () => Promise<void>;
}

const HEALTH_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Builds the production bundle when there is none: the bench measures `next start` code, not
 * dev. The server itself is compiled again each time (a few seconds): it measures the server
 * code as it is now, as `npm run serve` runs it.
 */
export async function ensureProductionBuild(): Promise<void> {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) {
    console.log("[bench] no production build: running `npm run build` first");
    const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  }
  // An existing build is used as is: say which, since it may predate the latest code changes.
  console.log(`[bench] production build of ${statSync(buildId).mtime.toISOString()} (rebuild with \`npm run build\`)`);
  await buildServerBundle();
}

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use: set another with --port / --pg-port`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

export async function startServer(options: {
  port: number;
  pgPort: number;
  cpuProfileDir?: string;
  /** Extra environment for the server (e.g. DICOM_PORT); the bench's own settings win. */
  env?: Record<string, string>;
}): Promise<BenchServer> {
  await assertPortFree(options.port);
  await assertPortFree(options.pgPort);
  const dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-bench-"));
  const secret = randomBytes(32).toString("base64url");
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ...SERVE_ENV,
    HOST: "127.0.0.1",
    PORT: String(options.port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(options.pgPort),
    DEMO_MODE: "on",
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: baseUrl,
  };
  // An inherited DATABASE_URL would point the server at someone else's database.
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;

  // node itself (not the npm wrapper) on the compiled server, as `npm run serve` runs it, so
  // that `child.pid` is the server whose RSS we read.
  // --cpu-prof writes a V8 profile (open it in Chrome DevTools) when the server exits.
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`] : [];
  const child = spawn(
    process.execPath,
    // BENCH_SERVER_NODE_ARGS: more flags for the server's node (e.g. --trace-gc), to see where its time goes.
    [...profile, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...SERVE_ARGS],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  // If the bench dies abruptly, the server is still asked to stop (it stops its PostgreSQL
  // itself; the temporary data directory stays behind in that case).
  const supervised = superviseChild(child, STOP_TIMEOUT_MS);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await supervised.stop();
    await stopOrphanPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    if (child.pid === undefined) throw new Error("could not spawn the server");
    await waitForHealth(baseUrl, child);
    const settings = JSON.parse(readFileSync(path.join(dataDir, "pg-settings.json"), "utf8")) as { password: string };
    const databaseUrl = `postgresql://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${options.pgPort}/teleradio`;
    return { pid: child.pid, baseUrl, secret, databaseUrl, logTail: supervised.logTail, stop };
  } catch (error) {
    console.error(supervised.logTail());
    await stop();
    throw error;
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited during start (code ${child.exitCode})`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET /api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}


/** If the server died without stopping its PostgreSQL, stop that postmaster (we started it). */
export async function stopOrphanPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // A stale pid file's pid may belong to another process by now: only stop our postmaster.
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
  if (!alive() || !cmdline.includes(dataDir)) return;
  process.kill(pid, "SIGINT"); // PostgreSQL's "fast shutdown"
  // Removing its data directory under a running postmaster would leave it half-dead.
  for (let i = 0; i < 100 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

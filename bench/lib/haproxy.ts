// HAProxy (Debian's /usr/sbin/haproxy) in front of the bench's server instances, as a hospital
// would put it: round robin, no stickiness (the socket.io transport is WebSocket only), health
// checks, and a retry on another instance when one refuses the connection.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { assertPortFree } from "./server-process";
import { superviseChild } from "./supervised-child";

export const HAPROXY_BINARY = process.env.HAPROXY_BIN ?? "/usr/sbin/haproxy";

export interface Backend {
  name: string;
  port: number;
}

export interface RunningHaproxy {
  baseUrl: string;
  logTail: () => string;
  stop: () => Promise<void>;
}

/**
 * The configuration, in one place so that the docs can quote it. The health check is a TCP
 * connect every second, down after 3 failures: a refused connection (the killed instance) fails
 * at once, while the survivor, busy with everyone's reconnection, is not taken out too (a check
 * connect may wait up to `inter` for a busy instance's accept queue). `maxconn` per instance
 * queues what exceeds it in HAProxy (up to `timeout queue`) rather than in an accept queue that
 * overflows: WebSockets count in it, so it leaves room for every client's socket and requests. Unlike GET /api/health it does not take every instance out while PostgreSQL
 * restarts, so the instances' own 503 + Retry-After reach the clients instead of HAProxy's page.
 * Before the checks notice, `retries` + `option redispatch` send a refused connection to the
 * other instance. `timeout tunnel` keeps idle WebSockets open (socket.io pings every 25 s).
 * X-Served-By names the instance that answered, for the bench's accounting.
 */
export function haproxyConfig(port: number, backends: readonly Backend[]): string {
  return [
    "global",
    "  maxconn 8192",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout queue 10s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout tunnel 1h",
    "  retries 3",
    "  option redispatch",
    "frontend teleradio",
    `  bind 127.0.0.1:${port}`,
    "  default_backend instances",
    "backend instances",
    "  balance roundrobin",
    "  default-server inter 1s fall 3 rise 2 maxconn 600",
    "  http-response set-header X-Served-By %s",
    ...backends.map((backend) => `  server ${backend.name} 127.0.0.1:${backend.port} check`),
    "",
  ].join("\n");
}

export async function startHaproxy(options: { port: number; backends: readonly Backend[] }): Promise<RunningHaproxy> {
  await assertPortFree(options.port);
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-haproxy-"));
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, haproxyConfig(options.port, options.backends));
  const checked = spawnSync(HAPROXY_BINARY, ["-c", "-q", "-f", file], { encoding: "utf8" });
  if (checked.status !== 0) throw new Error(`haproxy refused its configuration: ${checked.stderr || checked.stdout || checked.error?.message}`);
  // -db: stay in the foreground, so that the child is HAProxy itself and stops with SIGTERM.
  const child = spawn(HAPROXY_BINARY, ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"] });
  const supervised = superviseChild(child, 5_000);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    await supervised.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForListening(baseUrl, () => child.exitCode !== null);
  } catch (error) {
    console.error(supervised.logTail());
    await stop();
    throw error;
  }
  return { baseUrl, logTail: supervised.logTail, stop };
}

async function waitForListening(baseUrl: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("haproxy exited during start");
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("haproxy did not pass GET /api/health to an instance within 10 s");
}

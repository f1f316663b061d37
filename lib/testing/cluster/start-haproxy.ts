import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnUntilReady, type ReadyChild } from "./spawn-until-ready";

// HAProxy (Debian's) in front of several instances, as docs/deployment.md describes: round
// robin, no stickiness (sockets use the WebSocket transport only, one TCP connection each), and
// a TCP check every half second so that a killed instance is out of rotation within a second.

export interface Balancer {
  baseUrl: string;
  port: number;
  config: string;
  child: ReadyChild;
  stop(): Promise<void>;
}

/** The configuration docs/deployment.md shows, for these backends. */
export function haproxyConfig(port: number, backends: readonly number[]): string {
  return [
    "global",
    "  maxconn 4000",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    // An idle WebSocket lives as long as socket.io's pings keep it (25 s): well within this.
    "  timeout tunnel 1h",
    "  option forwardfor",
    "frontend teleradio",
    `  bind 127.0.0.1:${port}`,
    "  default_backend instances",
    "backend instances",
    "  balance roundrobin",
    ...backends.map((backend, index) => `  server i${index + 1} 127.0.0.1:${backend} check inter 500 fall 2 rise 2`),
    "",
  ].join("\n");
}

export async function startHaproxy(options: { port: number; backends: readonly number[] }): Promise<Balancer> {
  const dir = mkdtempSync(path.join(tmpdir(), "teleradio-haproxy-"));
  const file = path.join(dir, "haproxy.cfg");
  const config = haproxyConfig(options.port, options.backends);
  writeFileSync(file, config);
  // -db: in the foreground, logging to stderr; it prints nothing once listening, so it is
  // ready when its port accepts a connection.
  const child = await spawnUntilReady("haproxy", ["-db", "-f", file], { name: "haproxy", ready: () => accepts(options.port), timeoutMs: 10_000, env: process.env });
  return {
    baseUrl: `http://127.0.0.1:${options.port}`,
    port: options.port,
    config,
    child,
    async stop() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

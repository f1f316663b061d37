// `npm run bench -- start`: the time from `npm start` on a built tree to the first 200 of
// GET /api/health (which queries the database), and the server's resident memory once idle,
// split by where it is. Targets: serving within 10 s, idle RSS <= 300 MiB (issue 20).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { staleBuildReason } from "@/lib/server/build/build-freshness";
import { descendants, statusBytes } from "./lib/proc-stats";
import { mebibytes, publish, round, type Figures } from "./lib/report";
import { assertPortFree, stopOrphanPostgres } from "./lib/server-process";
import { smapsSplit, type SmapsSplit } from "./lib/smaps-split";
import { superviseChild } from "./lib/supervised-child";

const TARGET_START_S = 10;
const TARGET_RSS_MIB = 300;
const FIRST_START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_MS = 50;
const MILESTONES: [RegExp, string][] = [
  [/> tsx lib\/cli\/start\.ts/, "npm ran the script"],
  [/Starting the embedded PostgreSQL/, "server started PostgreSQL"],
  [/Seeding the demo territory/, "seeding"],
  [/Demo accounts/, "database ready"],
  [/Running next\.config/, "Next prepared"],
  [/Ready on/, "listening"],
];

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: "string", default: "3" },
      // Parse workers stop after 15 quiet seconds (parse-pool.ts): idle means after that.
      "settle-s": { type: "string", default: "25" },
      port: { type: "string", default: "3600" },
      "pg-port": { type: "string", default: "55600" },
    },
  });
  const int = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  return { rounds: int("rounds"), settleS: int("settle-s"), port: int("port"), pgPort: int("pg-port") };
}

type Options = ReturnType<typeof options>;

/** process.memoryUsage() and V8's heap spaces of the server, from bench/lib/memory-probe.mjs. */
interface JsMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  spaces: Record<string, number>;
}

interface Idle {
  rss: number;
  split: SmapsSplit;
  js: JsMemory;
  threads: number;
}

interface Started {
  npm: ChildProcess;
  serverPid: number;
  seconds: number;
  log: () => string;
  waitForLine: (pattern: RegExp, timeoutMs: number) => Promise<void>;
  probe: () => Promise<JsMemory>;
  stop: () => Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start` as an operator types it, timed from the spawn to the first 200 of /api/health. */
async function npmStart(opts: Options, dataDir: string, secret: string): Promise<Started> {
  await assertPortFree(opts.port);
  await assertPortFree(opts.pgPort);
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(opts.port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(opts.pgPort),
    // The listeners' default ports may be another server's on this machine.
    DICOM_PORT: String(opts.port + 1),
    HL7_PORT: String(opts.port + 2),
    DEMO_MODE: "on",
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: baseUrl,
    NODE_OPTIONS: `--import=${path.resolve("bench/lib/memory-probe.mjs")}`,
  };
  // An inherited DATABASE_URL would point the server at someone else's database.
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;

  const begin = performance.now();
  const npm = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const supervised = superviseChild(npm, STOP_TIMEOUT_MS);
  const text: string[] = [];
  // When each step of the start printed its line, seconds after the spawn: where the time goes.
  const milestones: string[] = [];
  const probes: JsMemory[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      const probe = /^\[memory-probe\] (.*)$/.exec(line);
      if (probe?.[1]) probes.push(JSON.parse(probe[1]) as JsMemory);
      else if (line) text.push(line);
      const step = MILESTONES.find(([pattern]) => pattern.test(line));
      if (step) milestones.push(`${step[1]} ${round((performance.now() - begin) / 1000, 2)} s`);
    }
  };
  npm.stdout.on("data", onData);
  npm.stderr.on("data", onData);

  try {
    let seconds: number | null = null;
    while (performance.now() - begin < FIRST_START_TIMEOUT_MS) {
      if (npm.exitCode !== null) throw new Error(`npm start exited during start (code ${npm.exitCode})`);
      const status = await fetch(`${baseUrl}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) {
        seconds = (performance.now() - begin) / 1000;
        break;
      }
      await sleep(POLL_MS);
    }
    if (seconds === null) throw new Error(`GET /api/health did not answer 200 within ${FIRST_START_TIMEOUT_MS / 1000} s`);
    console.log(`[bench]   ${milestones.join(", ")}, health 200 ${round(seconds, 2)} s`);
    // `exec` made the shell the server: the node process running the bundle, under npm.
    const serverPid = descendants(npm.pid!).find((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("teleradio-server.mjs");
      } catch {
        return false;
      }
    });
    if (serverPid === undefined) throw new Error("no node process running .next/teleradio-server.mjs under npm start");

    const waitForLine = async (pattern: RegExp, timeoutMs: number) => {
      const deadline = performance.now() + timeoutMs;
      while (!text.some((line) => pattern.test(line))) {
        if (performance.now() > deadline) throw new Error(`the server did not print ${pattern} within ${timeoutMs / 1000} s`);
        await sleep(POLL_MS);
      }
    };
    const probe = async () => {
      const before = probes.length;
      process.kill(serverPid, "SIGUSR2");
      const deadline = performance.now() + 5_000;
      while (probes.length === before) {
        if (performance.now() > deadline) throw new Error("the server did not answer the memory probe");
        await sleep(POLL_MS);
      }
      return probes[probes.length - 1]!;
    };
    const stop = async () => {
      // The server's own shutdown (it stops its PostgreSQL); npm exits with it.
      process.kill(serverPid, "SIGTERM");
      const exited = await Promise.race([supervised.exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (!exited) await supervised.stop();
      return npm.exitCode;
    };
    return { npm, serverPid, seconds, log: () => text.slice(-40).join("\n"), waitForLine, probe, stop };
  } catch (error) {
    console.error(text.slice(-40).join("\n"));
    await supervised.stop();
    throw error;
  }
}

/** Waits for the start's background work, then `settleS` quiet seconds, then reads the memory. */
async function idleMemory(server: Started, settleS: number): Promise<Idle> {
  await server.waitForLine(/Turnaround index ready/, 120_000);
  await sleep(settleS * 1000);
  const js = await server.probe();
  const split = smapsSplit(server.serverPid);
  const threads = Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${server.serverPid}/status`, "utf8"))?.[1] ?? 0);
  return { rss: statusBytes(server.serverPid, "VmRSS"), split, js, threads };
}

interface Round {
  firstStart: number;
  restart: number;
  firstIdle: Idle;
  restartIdle: Idle;
}

async function oneRound(opts: Options, index: number): Promise<Round> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-bench-start-"));
  const secret = randomBytes(32).toString("base64url");
  try {
    // A fresh data directory: the cluster is created, migrated and the demo territory seeded.
    const first = await npmStart(opts, dataDir, secret);
    console.log(`[bench] round ${index}: first start served after ${round(first.seconds, 2)} s`);
    const firstIdle = await idleMemory(first, opts.settleS);
    const firstExit = await first.stop();
    if (firstExit !== 0) throw new Error(`npm start exited with ${firstExit} after SIGTERM:\n${first.log()}`);
    // A restart on that data: what an operator's restart of the service costs.
    const second = await npmStart(opts, dataDir, secret);
    console.log(`[bench] round ${index}: restart served after ${round(second.seconds, 2)} s`);
    const restartIdle = await idleMemory(second, opts.settleS);
    const secondExit = await second.stop();
    if (secondExit !== 0) throw new Error(`npm start exited with ${secondExit} after SIGTERM:\n${second.log()}`);
    return { firstStart: first.seconds, restart: second.seconds, firstIdle, restartIdle };
  } finally {
    // A server that died without stopping its PostgreSQL leaves the postmaster we started.
    await stopOrphanPostgres(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function runStartBench(argv: string[]): Promise<void> {
  const opts = options(argv);
  const stale = staleBuildReason();
  if (stale) throw new Error(`the production build is not current (${stale}): run \`npm run build\` first, the bench times a start on a built tree`);

  const rounds: Round[] = [];
  let errors = 0;
  for (let index = 1; index <= opts.rounds; index++) {
    try {
      rounds.push(await oneRound(opts, index));
    } catch (error) {
      errors++;
      console.error(`[bench] round ${index} failed:`, error instanceof Error ? error.message : error);
    }
  }

  const runs = (pick: (r: Round) => number, digits: number) => rounds.map((r) => round(pick(r), digits)).join(" / ");
  const seconds = (pick: (r: Round) => number, description: string) => ({
    value: rounds.length ? round(median(rounds.map(pick)), 2) : null,
    unit: "s",
    description: `${description} (median; runs: ${runs(pick, 2)})`,
  });
  const mib = (pick: (r: Round) => number, description: string) => ({
    value: rounds.length ? mebibytes(median(rounds.map(pick))) : null,
    unit: "MiB",
    description: `${description} (median; runs: ${rounds.map((r) => mebibytes(pick(r))).join(" / ")})`,
  });
  const rssIdle = rounds.length ? median(rounds.map((r) => Math.max(r.firstIdle.rss, r.restartIdle.rss))) : null;
  const figures: Figures = {
    time_to_serve: seconds((r) => r.restart, "`npm start` on a built tree and an existing database → first 200 of GET /api/health"),
    time_to_serve_first: seconds((r) => r.firstStart, "same on an empty data directory: the cluster created, migrated, the demo territory and its images seeded"),
    time_to_serve_over_target: { value: rounds.length ? round(median(rounds.map((r) => r.restart)) / TARGET_START_S, 2) : null, unit: "x", description: `time_to_serve / ${TARGET_START_S} s (≤ 1 meets it)` },
    rss_idle: mib((r) => Math.max(r.firstIdle.rss, r.restartIdle.rss), `server VmRSS at idle, the higher of the two starts, ${opts.settleS} s after its background work`),
    rss_idle_first: mib((r) => r.firstIdle.rss, "same, after the first start (the demo seed's ingest ran in this process)"),
    rss_idle_restart: mib((r) => r.restartIdle.rss, "same, after the restart (nothing seeded)"),
    rss_idle_over_target: { value: rssIdle === null ? null : round(rssIdle / 1024 ** 2 / TARGET_RSS_MIB, 2), unit: "x", description: `rss_idle / ${TARGET_RSS_MIB} MiB (≤ 1 meets it)` },
    // The split, of the first start's idle (the higher one): smaps by mapping, then V8's own accounts.
    rss_node_binary: mib((r) => r.firstIdle.split.nodeBinary, "of it: the node executable's pages (smaps)"),
    rss_other_files: mib((r) => r.firstIdle.split.otherFiles, "of it: other mapped files: shared libraries, native addons (smaps)"),
    rss_brk_heap: mib((r) => r.firstIdle.split.brkHeap, "of it: the main malloc heap, [heap] (smaps)"),
    rss_anonymous: mib((r) => r.firstIdle.split.anonymous, "of it: anonymous memory: V8 heaps, other malloc arenas, WebAssembly, stacks (smaps)"),
    js_heap_total: mib((r) => r.firstIdle.js.heapTotal, "V8 main heap, committed (process.memoryUsage)"),
    js_heap_used: mib((r) => r.firstIdle.js.heapUsed, "V8 main heap, live objects"),
    js_new_space: mib((r) => r.firstIdle.js.spaces.new_space ?? 0, "V8 young generation, resident"),
    js_code_space: mib((r) => r.firstIdle.js.spaces.code_space ?? 0, "V8 compiled code, resident"),
    js_external: mib((r) => r.firstIdle.js.external, "memory of JS objects outside the V8 heap (buffers, WebAssembly memories)"),
    js_array_buffers: mib((r) => r.firstIdle.js.arrayBuffers, "of which ArrayBuffers and Buffers"),
    threads_idle: { value: rounds.length ? median(rounds.map((r) => r.firstIdle.threads)) : null, unit: "threads", description: "the server's threads at idle (worker threads gone)" },
    errors: { value: errors, unit: "rounds", description: "rounds that failed (any makes the bench exit non-zero)" },
  };

  publish({
    bench: "start",
    title: "Start and memory",
    about: `
Each round: \`npm start\` on a built tree (no rebuild: the bench refuses a stale build) with a
fresh data directory (embedded PostgreSQL created, migrated, demo territory and its images
seeded), then stopped and started again on the same data. Time to serve: from spawning
\`npm start\` to the first 200 of GET /api/health, polled every ${POLL_MS} ms (the route runs
SELECT 1). Idle RSS: once the start's background work is done (turnaround index loaded), after
${opts.settleS} more quiet seconds (the parse workers stop after 15); VmRSS of the server
process (npm and PostgreSQL aside). ${opts.rounds} rounds, medians; the machine is shared, so
the figures are noisy.`,
    command: `npm run bench -- start${opts.rounds !== 3 ? ` --rounds ${opts.rounds}` : ""}`,
    figures,
  });
  if (errors > 0) throw new Error(`${errors} round(s) failed`);
}

// `npm run bench -- realtime`: with N radiologists' worklists open (socket.io, the worklist
// fetched over it on each hint, as the browser does), the time from a submission's
// acknowledgement to the fetched worklist containing it, in every client. Target: p99 <= 100 ms,
// and server CPU <= 0.2 ms per client and change. Also counts every message the live page
// receives (hints, worklist answers, the notification bell and presence refetches), by kind.
import { Agent } from "node:http";
import { parseArgs } from "node:util";
import { mintSessionCookie } from "@/lib/testing/session-cookie";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { createDbClient } from "@/lib/server/db/client";
import { mapLimit } from "./lib/http-exchange";
import { commandName, cpuSeconds, descendants, reapedChildrenCpuSeconds, statusBytes, totalRssBytes } from "./lib/proc-stats";
import { mebibytes, percentile, publish, round, type Figures } from "./lib/report";
import { ensureProductionBuild, startServer, type BenchServer } from "./lib/server-process";
import { Referrer } from "./lib/referrer";
import { trpcQuery } from "./lib/trpc-http";
import { EMPTY_FILTER_INPUT, WorklistClient } from "./lib/worklist-client";

const TARGET_P99_MS = 100;
const TARGET_CPU_PER_CLIENT_CHANGE_MS = 0.2;
/** next-auth's cookie name over http:// (the __Secure- one is for https). */

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: "string", default: "500" },
      submissions: { type: "string", default: "30" },
      // Not counted: the first submissions warm up the submit path and V8's JIT.
      warmup: { type: "string", default: "2" },
      "gap-ms": { type: "string", default: "300" },
      "timeout-ms": { type: "string", default: "15000" },
      port: { type: "string", default: "3200" },
      "pg-port": { type: "string", default: "55200" },
      // Where the server's V8 CPU profile goes, to see where its time is spent.
      "cpu-prof": { type: "string" },
      // Only the worklist follows hints: the bell and presence refetches left out, to see its share.
      "worklist-only": { type: "boolean", default: false },
    },
  });
  const int = (name: Exclude<keyof typeof values, "worklist-only" | "cpu-prof">) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
    return value;
  };
  return {
    clients: int("clients"),
    submissions: int("submissions"),
    warmup: int("warmup"),
    gapMs: int("gap-ms"),
    timeoutMs: int("timeout-ms"),
    port: int("port"),
    pgPort: int("pg-port"),
    cpuProfileDir: values["cpu-prof"],
    worklistOnly: values["worklist-only"] === true,
  };
}

type Options = ReturnType<typeof options>;

/** The embedded PostgreSQL's processes: the server's descendants named postgres. */
const postgresPids = (serverPid: number) => descendants(serverPid).filter((pid) => commandName(pid) === "postgres");

/**
 * CPU of the embedded PostgreSQL: its live processes plus the backends that exited since, which
 * the postmaster reaped (counted in its children's times); otherwise a backend closing while
 * measuring would take its CPU away and the difference could come out negative.
 */
const postgresCpuSeconds = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + cpuSeconds(pid) + reapedChildrenCpuSeconds(pid), 0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One site, its referrer, and radiologists reading for it; each with a session cookie. */
async function createUsers(server: BenchServer, clients: number) {
  const db = createDbClient(server.databaseUrl, 8);
  try {
    const site = await createSite(db, "Site du banc d'essai");
    const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
    const radiologists = await mapLimit(Array.from({ length: clients }), 8, () =>
      createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }),
    );
    // Exactly the cookie a browser holds after signing in; signing in N times would measure argon2.
    const cookieFor = (userId: string) => mintSessionCookie(db, userId, server.secret);
    return {
      referrerCookie: await cookieFor(referrer.id),
      radiologistCookies: await Promise.all(radiologists.map((user) => cookieFor(user.id))),
    };
  } finally {
    await db.$disconnect();
  }
}

/** Collects, per request id, when each client first saw it and when hints arrived. */
class Observations {
  readonly seen = new Map<string, number[]>();
  readonly hints = new Map<string, number[]>();
  readonly refetchMs: number[] = [];
  refetchErrors = 0;
  /** Worklist fetches completed, over the socket and over HTTP (resyncs, fallbacks). */
  refetches = 0;
  httpListFetches = 0;
  socketFetches = 0;
  /** Messages and bytes received by the clients, by kind (whole run; the measured part is a difference). */
  readonly traffic = new Map<string, { messages: number; bytes: number }>();
  private waiter: { requestId: string; resolve: () => void } | null = null;

  constructor(private readonly clients: number) {}

  seenBy(requestId: string): number {
    return this.seen.get(requestId)?.length ?? 0;
  }

  onSeen(requestId: string, at: number): void {
    const list = this.seen.get(requestId) ?? [];
    list.push(at);
    this.seen.set(requestId, list);
    if (this.waiter?.requestId === requestId && list.length >= this.clients) this.waiter.resolve();
  }

  onHint(requestId: string, at: number): void {
    const list = this.hints.get(requestId) ?? [];
    list.push(at);
    this.hints.set(requestId, list);
  }

  onFetch(durationMs: number, ok: boolean, over: "socket" | "http"): void {
    this.refetches++;
    if (over === "http") this.httpListFetches++;
    else this.socketFetches++;
    this.refetchMs.push(durationMs);
    if (!ok) this.refetchErrors++;
  }

  onTraffic(kind: string, bytes: number): void {
    const entry = this.traffic.get(kind) ?? { messages: 0, bytes: 0 };
    entry.messages++;
    entry.bytes += bytes;
    this.traffic.set(kind, entry);
  }

  trafficSnapshot(): Map<string, { messages: number; bytes: number }> {
    return new Map([...this.traffic].map(([kind, entry]) => [kind, { ...entry }]));
  }

  /** Resolves when every client saw the request, or after timeoutMs (the rest are misses). */
  waitForAll(requestId: string, timeoutMs: number): Promise<void> {
    if (this.seenBy(requestId) >= this.clients) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiter = null;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiter = { requestId, resolve: done };
    });
  }
}

async function connectAll(baseUrl: string, cookies: readonly string[], observations: Observations, wholePage: boolean): Promise<WorklistClient[]> {
  const clients = cookies.map(
    (cookie) =>
      new WorklistClient(baseUrl, cookie, {
        onSeen: (requestId, at) => observations.onSeen(requestId, at),
        onHint: (hint, at) => {
          if (hint.kind === "request.changed") observations.onHint(hint.requestId, at);
        },
        onFetch: (durationMs, ok, over) => observations.onFetch(durationMs, ok, over),
        onTraffic: (kind, bytes) => observations.onTraffic(kind, bytes),
      }, wholePage),
  );
  // In waves, like browsers opening the page over a minute rather than in one instant.
  await mapLimit(clients, 50, (client) => client.connect());
  return clients;
}

export async function runRealtimeBench(argv: string[]): Promise<void> {
  const opts: Options = options(argv);
  await ensureProductionBuild();
  console.log(`[bench] starting the server (port ${opts.port}, embedded PostgreSQL on ${opts.pgPort})`);
  const server = await startServer({ port: opts.port, pgPort: opts.pgPort, cpuProfileDir: opts.cpuProfileDir });
  let clients: WorklistClient[] = [];
  let referrer: Referrer | undefined;
  const cleanup = async () => {
    for (const client of clients) client.close();
    await referrer?.close();
    await server.stop();
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    console.log(`[bench] creating 1 site, 1 referrer, ${opts.clients} radiologists`);
    const users = await createUsers(server, opts.clients);
    // A minted cookie must open the worklist before we trust 500 of them.
    const probeHttp = { baseUrl: server.baseUrl, cookie: users.radiologistCookies[0] ?? "", agent: new Agent() };
    const probe = await trpcQuery(probeHttp, [
      { path: "worklist.list", input: EMPTY_FILTER_INPUT },
    ]);
    if (probe[0]?.ok !== true) throw new Error(`the minted session cookie was refused: ${JSON.stringify(probe[0])}`);
    referrer = new Referrer({ baseUrl: server.baseUrl, cookie: users.referrerCookie });
    const rssIdle = statusBytes(server.pid, "VmRSS");

    const observations = new Observations(opts.clients);
    console.log(`[bench] connecting ${opts.clients} socket.io clients`);
    clients = await connectAll(server.baseUrl, users.radiologistCookies, observations, !opts.worklistOnly);
    // Let the HTTP refetches that every welcome triggers finish before measuring.
    for (let i = 0; i < 300 && observations.httpListFetches < opts.clients; i++) await sleep(100);
    const rssConnected = statusBytes(server.pid, "VmRSS");

    const submitMs: number[] = [];
    const latencies: number[] = [];
    const hintDelays: number[] = [];
    let misses = 0;
    let rssMax = 0;
    let cpuStart: { server: number; pg: number; bench: NodeJS.CpuUsage; refetches: number; traffic: Map<string, { messages: number; bytes: number }>; errors: number } | null = null;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, statusBytes(server.pid, "VmRSS"))), 100);

    try {
      for (let i = 0; i < opts.warmup + opts.submissions; i++) {
        const measured = i >= opts.warmup;
        if (i === opts.warmup) {
          const pgPids = postgresPids(server.pid);
          cpuStart = {
            server: cpuSeconds(server.pid),
            pg: postgresCpuSeconds(pgPids),
            bench: process.cpuUsage(),
            refetches: observations.refetches,
            traffic: observations.trafficSnapshot(),
            errors: observations.refetchErrors,
          };
          observations.refetchMs.length = 0;
        }
        // t0 = ackAt: when the referrer's browser got the submission's answer.
        const { requestId, sentAt, ackAt: t0 } = await referrer.submit(teleDiagnosticInput());
        await observations.waitForAll(requestId, opts.timeoutMs);
        if (measured) {
          submitMs.push(t0 - sentAt);
          for (const at of observations.seen.get(requestId) ?? []) latencies.push(at - t0);
          for (const at of observations.hints.get(requestId) ?? []) hintDelays.push(at - t0);
          misses += opts.clients - observations.seenBy(requestId);
        }
        process.stdout.write(`\r[bench] submission ${i + 1}/${opts.warmup + opts.submissions}${measured ? "" : " (warm-up)"}   `);
        await sleep(opts.gapMs);
      }
      process.stdout.write("\n");
    } finally {
      clearInterval(sampler);
    }
    if (!cpuStart) throw new Error("no measured submission: use --submissions 1 or more");

    const pgPids = postgresPids(server.pid);
    const refetches = observations.refetches - cpuStart.refetches;
    const errors = observations.refetchErrors - cpuStart.errors;
    const bench = process.cpuUsage(cpuStart.bench);
    const serverCpuSeconds = cpuSeconds(server.pid) - cpuStart.server;
    const perRefetch = (seconds: number) => round((seconds * 1000) / Math.max(1, refetches), 2);
    const clientChanges = Math.max(1, opts.clients * opts.submissions);
    const perClientChange = (value: number, digits = 3) => round(value / clientChanges, digits);
    latencies.sort((a, b) => a - b);
    hintDelays.sort((a, b) => a - b);
    const refetchMs = [...observations.refetchMs].sort((a, b) => a - b);
    submitMs.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    const cpuPerClientChange = (serverCpuSeconds * 1000) / clientChanges;
    const disconnects = clients.reduce((sum, c) => sum + c.disconnects, 0);

    const figures: Figures = {
      clients: { value: opts.clients, unit: "clients", description: `socket.io clients, each a radiologist with the worklist open${opts.worklistOnly ? " (--worklist-only: the bell and presence do not follow hints)" : ""}` },
      submissions: { value: opts.submissions, unit: "submissions", description: `measured, one after the other (${opts.warmup} warm-up not counted)` },
      samples: { value: latencies.length, unit: "samples", description: "latencies collected (clients × submissions − misses)" },
      misses: { value: misses, unit: "samples", description: `clients that had not seen a submission after ${opts.timeoutMs} ms` },
      latency_p50: { value: round(percentile(latencies, 50)), unit: "ms", description: "acknowledgement → fetched worklist contains it, median" },
      latency_p99: { value: round(p99), unit: "ms", description: "same, 99th percentile" },
      latency_max: { value: round(latencies.at(-1) ?? Number.NaN), unit: "ms", description: "same, worst client" },
      p99_over_target: { value: round(p99 / TARGET_P99_MS, 2), unit: "x", description: `p99 / ${TARGET_P99_MS} ms target (≤ 1 meets it)` },
      hint_p50: { value: round(percentile(hintDelays, 50)), unit: "ms", description: "acknowledgement → hint received (negative: before the answer)" },
      hint_p99: { value: round(percentile(hintDelays, 99)), unit: "ms", description: "same, 99th percentile" },
      refetch_p50: { value: round(percentile(refetchMs, 50)), unit: "ms", description: "round trip of one worklist fetch during the bursts (over the socket)" },
      refetch_p99: { value: round(percentile(refetchMs, 99)), unit: "ms", description: "same, 99th percentile" },
      refetch_errors: { value: errors, unit: "requests", description: "worklist fetches that failed while measuring (socket refusals and timeouts, failed HTTP fallbacks)" },
      submit_p50: { value: round(percentile(submitMs, 50)), unit: "ms", description: "round trip of the submission itself" },
      server_cpu_per_client_change: { value: round(cpuPerClientChange, 3), unit: "ms", description: `server CPU (user+sys) per client and change, everything the live page causes included (target ≤ ${TARGET_CPU_PER_CLIENT_CHANGE_MS} ms)` },
      cpu_over_target: { value: round(cpuPerClientChange / TARGET_CPU_PER_CLIENT_CHANGE_MS, 2), unit: "x", description: "server_cpu_per_client_change / target (≤ 1 meets it)" },
      server_cpu_per_refetch: { value: perRefetch(serverCpuSeconds), unit: "ms", description: "server CPU per worklist fetch served (the same total divided by fetches)" },
      postgres_cpu_per_refetch: { value: perRefetch(postgresCpuSeconds(pgPids) - cpuStart.pg), unit: "ms", description: "PostgreSQL CPU per worklist fetch" },
      bench_cpu_per_refetch: { value: perRefetch((bench.user + bench.system) / 1e6), unit: "ms", description: "the bench's own CPU (clients) per worklist fetch, taken from the same 2 cores" },
      ...trafficFigures(cpuStart.traffic, observations.traffic, perClientChange),
      server_rss_idle: { value: mebibytes(rssIdle), unit: "MiB", description: "server RSS before the clients connect" },
      server_rss_connected: { value: mebibytes(rssConnected), unit: "MiB", description: "server RSS with every client connected" },
      server_rss_max: { value: mebibytes(rssMax), unit: "MiB", description: "highest server RSS sampled (every 100 ms) while measuring" },
      server_rss_peak: { value: mebibytes(statusBytes(server.pid, "VmHWM")), unit: "MiB", description: "server's peak RSS over its life (VmHWM), start included" },
      postgres_rss: { value: mebibytes(totalRssBytes(pgPids)), unit: "MiB", description: "sum over the embedded PostgreSQL processes (over-counts: each backend's RSS includes the shared buffers it touched)" },
      disconnects: { value: disconnects, unit: "events", description: "socket disconnections during the run" },
    };
    publish({
      bench: "realtime",
      title: "Live worklist latency",
      command: "npm run bench -- realtime [--clients 500] [--submissions 30] [--warmup 2] [--gap-ms 300] [--cpu-prof <dir>] [--worklist-only]",
      about: ABOUT,
      figures,
    });
    // Figures are written either way; a run with failures says so by its exit status.
    if (errors > 0 || misses > 0 || disconnects > 0) throw new Error(`errors while measuring: ${errors} failed fetches, ${misses} misses, ${disconnects} disconnections`);
  } catch (error) {
    console.error(`\n[bench] server log (last lines):\n${server.logTail()}`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/** The kinds of message a live worklist page receives, in the order the table shows them. */
const TRAFFIC_KINDS: Record<string, string> = {
  "socket:hint:request.changed": "`request.changed` hints",
  "socket:hint:notifications.changed": "`notifications.changed` hints (the bell)",
  "socket:hint:presence.changed": "`presence.changed` hints",
  "socket:worklist": "worklist answers over the socket (header frame + the shared bytes)",
  "http:bell": "notification bell refetches over HTTP (`notifications.list`)",
  "http:presence": "presence refetches over HTTP (`presence.forRequests`, the rows' ids changed)",
  "http:list": "worklist refetches over HTTP (fallback after a failed socket fetch)",
  "http:resync": "full resyncs over HTTP (welcome or sequence gap)",
  "socket:ping": "engine.io heartbeats",
};

/** Per client and change: messages and bytes received, by kind, while measuring. */
function trafficFigures(
  before: Map<string, { messages: number; bytes: number }>,
  after: Map<string, { messages: number; bytes: number }>,
  perClientChange: (value: number, digits?: number) => number,
): Figures {
  const kinds = [...new Set([...Object.keys(TRAFFIC_KINDS), ...after.keys()])];
  const figures: Figures = {};
  let messages = 0;
  let bytes = 0;
  for (const kind of kinds) {
    const delta = { messages: (after.get(kind)?.messages ?? 0) - (before.get(kind)?.messages ?? 0), bytes: (after.get(kind)?.bytes ?? 0) - (before.get(kind)?.bytes ?? 0) };
    messages += delta.messages;
    bytes += delta.bytes;
    const name = `rx_${kind.replace(/^socket:hint:/, "hint_").replace(/[^a-z]+/gi, "_")}`;
    const label = TRAFFIC_KINDS[kind] ?? `\`${kind}\``;
    figures[`${name}_messages`] = { value: perClientChange(delta.messages), unit: "messages", description: `per client and change: ${label}` };
    figures[`${name}_bytes`] = { value: perClientChange(delta.bytes, 0), unit: "bytes", description: "same, bytes received (payload)" };
  }
  figures.rx_total_messages = { value: perClientChange(messages), unit: "messages", description: "per client and change: everything the live page received" };
  figures.rx_total_bytes = { value: perClientChange(bytes, 0), unit: "bytes", description: "same, bytes" };
  return figures;
}

const ABOUT = `
With N radiologists' worklists open (N socket.io clients authenticated with a real next-auth
session cookie, each behaving like the worklist page with \`lib/realtime/live-updates.tsx\`: on
a \`request.changed\` hint it asks for \`worklist.list\` over the socket (\`worklist:fetch\`,
docs/realtime.md); on \`notifications.changed\` it refetches the notification bell, and when its
rows change their presence, over HTTP exactly as tRPC's httpBatchLink does, keep-alive; on a
welcome or a gap everything over HTTP), a referrer submits télédiagnostic requests one after
the other (each one notifies every radiologist: nobody is on call). For each submission and
each client, the latency is the time from the submission's acknowledgement (its HTTP answer
reaching the referrer, who runs in a worker thread of its own so that the answer does not
queue behind the 500 clients' work) to the first fetched worklist that contains it. Targets:
**p99 ≤ 100 ms** with 500 clients, and **≤ 0.2 ms of server CPU per client and change**
(everything the page causes). The \`rx_*\` figures count what each page received per change.

The server is the production build started as \`npm run serve\` does, on a fresh embedded
PostgreSQL (demo mode), as its own process. **The clients run on the same machine**: on 2 cores,
the server, PostgreSQL and the 500 simulated browsers share the CPU (see
\`bench_cpu_per_refetch\`), which makes the figures pessimistic compared with real browsers on
their own machines.
`;

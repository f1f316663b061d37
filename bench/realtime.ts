// `npm run bench -- realtime`: with N radiologists' worklists open (socket.io + refetch, as the
// browser does), the time from a submission's acknowledgement to the refetched worklist
// containing it, in every client. Target: p99 <= 100 ms.
import { Agent } from "node:http";
import { parseArgs } from "node:util";
import { mintSessionCookie } from "@/lib/testing/session-cookie";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { createDbClient } from "@/lib/server/db/client";
import { commandName, cpuSeconds, descendants, statusBytes, totalCpuSeconds, totalRssBytes } from "./lib/proc-stats";
import { mebibytes, percentile, publish, round, type Figures } from "./lib/report";
import { ensureProductionBuild, startServer, type BenchServer } from "./lib/server-process";
import { Referrer } from "./lib/referrer";
import { trpcQuery } from "./lib/trpc-http";
import { EMPTY_FILTER_INPUT, WorklistClient } from "./lib/worklist-client";

const TARGET_P99_MS = 100;
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
    },
  });
  const int = (name: keyof typeof values) => {
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
  };
}

type Options = ReturnType<typeof options>;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The embedded PostgreSQL's processes: the server's descendants named postgres. */
const postgresPids = (serverPid: number) => descendants(serverPid).filter((pid) => commandName(pid) === "postgres");

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
  refetches = 0;
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

  onRefetch(durationMs: number, ok: boolean): void {
    this.refetches++;
    this.refetchMs.push(durationMs);
    if (!ok) this.refetchErrors++;
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

async function connectAll(baseUrl: string, cookies: readonly string[], observations: Observations): Promise<WorklistClient[]> {
  const clients = cookies.map(
    (cookie) =>
      new WorklistClient(baseUrl, cookie, {
        onSeen: (requestId, at) => observations.onSeen(requestId, at),
        onHint: (hint, at) => {
          if (hint.kind === "request.changed") observations.onHint(hint.requestId, at);
        },
        onRefetch: (durationMs, ok) => observations.onRefetch(durationMs, ok),
      }),
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
    clients = await connectAll(server.baseUrl, users.radiologistCookies, observations);
    // Let the refetches that every welcome triggers finish before measuring.
    for (let i = 0; i < 300 && observations.refetches < opts.clients; i++) await sleep(100);
    const rssConnected = statusBytes(server.pid, "VmRSS");

    const submitMs: number[] = [];
    const latencies: number[] = [];
    const hintDelays: number[] = [];
    let misses = 0;
    let rssMax = 0;
    let cpuStart: { server: number; pg: number; bench: NodeJS.CpuUsage; refetches: number } | null = null;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, statusBytes(server.pid, "VmRSS"))), 100);

    try {
      for (let i = 0; i < opts.warmup + opts.submissions; i++) {
        const measured = i >= opts.warmup;
        if (i === opts.warmup) {
          const pgPids = postgresPids(server.pid);
          cpuStart = {
            server: cpuSeconds(server.pid),
            pg: totalCpuSeconds(pgPids),
            bench: process.cpuUsage(),
            refetches: observations.refetches,
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
    const bench = process.cpuUsage(cpuStart.bench);
    const perRefetch = (seconds: number) => round((seconds * 1000) / Math.max(1, refetches), 2);
    latencies.sort((a, b) => a - b);
    hintDelays.sort((a, b) => a - b);
    const refetchMs = [...observations.refetchMs].sort((a, b) => a - b);
    submitMs.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);

    const figures: Figures = {
      clients: { value: opts.clients, unit: "clients", description: "socket.io clients, each a radiologist with the worklist open" },
      submissions: { value: opts.submissions, unit: "submissions", description: `measured, one after the other (${opts.warmup} warm-up not counted)` },
      samples: { value: latencies.length, unit: "samples", description: "latencies collected (clients × submissions − misses)" },
      misses: { value: misses, unit: "samples", description: `clients that had not seen a submission after ${opts.timeoutMs} ms` },
      latency_p50: { value: round(percentile(latencies, 50)), unit: "ms", description: "acknowledgement → refetched worklist contains it, median" },
      latency_p99: { value: round(p99), unit: "ms", description: "same, 99th percentile" },
      latency_max: { value: round(latencies.at(-1) ?? Number.NaN), unit: "ms", description: "same, worst client" },
      p99_over_target: { value: round(p99 / TARGET_P99_MS, 2), unit: "x", description: `p99 / ${TARGET_P99_MS} ms target (≤ 1 meets it)` },
      hint_p50: { value: round(percentile(hintDelays, 50)), unit: "ms", description: "acknowledgement → hint received (negative: before the answer)" },
      hint_p99: { value: round(percentile(hintDelays, 99)), unit: "ms", description: "same, 99th percentile" },
      refetch_p50: { value: round(percentile(refetchMs, 50)), unit: "ms", description: "round trip of one worklist refetch during the bursts" },
      refetch_p99: { value: round(percentile(refetchMs, 99)), unit: "ms", description: "same, 99th percentile" },
      refetch_errors: { value: observations.refetchErrors, unit: "requests", description: "refetches that failed (whole run)" },
      submit_p50: { value: round(percentile(submitMs, 50)), unit: "ms", description: "round trip of the submission itself" },
      server_cpu_per_refetch: { value: perRefetch(cpuSeconds(server.pid) - cpuStart.server), unit: "ms", description: "server CPU (user+sys) per refetch served" },
      postgres_cpu_per_refetch: { value: perRefetch(totalCpuSeconds(pgPids) - cpuStart.pg), unit: "ms", description: "PostgreSQL CPU per refetch" },
      bench_cpu_per_refetch: { value: perRefetch((bench.user + bench.system) / 1e6), unit: "ms", description: "the bench's own CPU (clients) per refetch, taken from the same 2 cores" },
      server_rss_idle: { value: mebibytes(rssIdle), unit: "MiB", description: "server RSS before the clients connect" },
      server_rss_connected: { value: mebibytes(rssConnected), unit: "MiB", description: "server RSS with every client connected" },
      server_rss_max: { value: mebibytes(rssMax), unit: "MiB", description: "highest server RSS sampled (every 100 ms) while measuring" },
      server_rss_peak: { value: mebibytes(statusBytes(server.pid, "VmHWM")), unit: "MiB", description: "server's peak RSS over its life (VmHWM), start included" },
      postgres_rss: { value: mebibytes(totalRssBytes(pgPids)), unit: "MiB", description: "sum over the embedded PostgreSQL processes (over-counts: each backend's RSS includes the shared buffers it touched)" },
      disconnects: { value: clients.reduce((sum, c) => sum + c.disconnects, 0), unit: "events", description: "socket disconnections during the run" },
    };
    publish({
      bench: "realtime",
      title: "Live worklist latency",
      command: "npm run bench -- realtime [--clients 500] [--submissions 30] [--warmup 2] [--gap-ms 300] [--cpu-prof <dir>]",
      about: ABOUT,
      figures,
    });
  } catch (error) {
    console.error(`\n[bench] server log (last lines):\n${server.logTail()}`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

const ABOUT = `
With N radiologists' worklists open (N socket.io clients authenticated with a real next-auth
session cookie, each behaving like \`lib/realtime/live-updates.tsx\`: on a hint it refetches
\`worklist.list\` over HTTP exactly as tRPC's httpBatchLink does, keep-alive), a referrer submits
télédiagnostic requests one after the other. For each submission and each client, the latency
is the time from the submission's acknowledgement (its HTTP answer reaching the referrer, who
runs in a worker thread of its own so that the answer does not queue behind the 500 clients'
work) to the first refetched worklist that contains it. Target: **p99 ≤ 100 ms** with 500 clients.

The server is the production build started as \`npm run serve\` does, on a fresh embedded
PostgreSQL (demo mode), as its own process. **The clients run on the same machine**: on 2 cores,
the server, PostgreSQL and the 500 simulated browsers share the CPU (see
\`bench_cpu_per_refetch\`), which makes the figures pessimistic compared with real browsers on
their own machines.
`;

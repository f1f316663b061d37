// `npm run bench -- faults`: two production instances behind HAProxy on one PostgreSQL, 200 live
// worklists and a stream of submissions and claims; one instance is killed (-9) mid-stream, then
// PostgreSQL is restarted mid-stream. Measures what users would notice: how long their worklist
// was offline, whether it missed a change, whether a request got two holders, whether an
// acknowledged write was lost, and what the requests in flight were answered. Loopback only,
// bounded in time; exits non-zero on any 500, lost write, double holder or missed change.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { Agent, request } from "node:http";
import { parseArgs } from "node:util";
import superjson from "superjson";
import { mintSessionCookie } from "@/lib/testing/session-cookie";
import { createDbClient, type Db } from "@/lib/server/db/client";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { startInstance, startSharedDatabase, type Instance, type SharedDatabase } from "./lib/cluster-processes";
import { FaultClient } from "./lib/fault-client";
import { check, type StreamResult } from "./lib/faults-checks";
import { mapLimit } from "./lib/http-exchange";
import { haproxyConfig, startHaproxy, type RunningHaproxy } from "./lib/haproxy";
import { percentile, publish, round, type Figures } from "./lib/report";
import { ensureProductionBuild } from "./lib/server-process";
import { decodeBatch } from "./lib/trpc-http";

const RECONNECT_TARGET_MS = 5_000;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: "string", default: "200" },
      claimers: { type: "string", default: "3" },
      // One submission (and its claim race) per interval, for the length of each stream.
      "interval-ms": { type: "string", default: "1000" },
      "stream-s": { type: "string", default: "15" },
      // When, into each stream, the fault strikes.
      "fault-at-s": { type: "string", default: "5" },
      "db-down-ms": { type: "string", default: "3000" },
      // A change not shown by a client within this long after its acknowledgement is missed.
      "deadline-ms": { type: "string", default: "10000" },
      "settle-s": { type: "string", default: "8" },
      port: { type: "string", default: "3500" },
      "pg-port": { type: "string", default: "55500" },
      "timeout-s": { type: "string", default: "900" },
    },
  });
  const int = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
    return value;
  };
  const port = int("port");
  return {
    clients: int("clients"),
    claimers: Math.max(1, int("claimers")),
    intervalMs: int("interval-ms"),
    streamMs: int("stream-s") * 1000,
    faultAtMs: int("fault-at-s") * 1000,
    dbDownMs: int("db-down-ms"),
    deadlineMs: int("deadline-ms"),
    settleMs: int("settle-s") * 1000,
    port,
    instancePorts: [port + 1, port + 2] as const,
    pgPort: int("pg-port"),
    timeoutMs: int("timeout-s") * 1000,
  };
}
type Options = ReturnType<typeof options>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers by kind of call and status ("network" when no HTTP answer came back). */
class StatusCounts {
  readonly counts = new Map<string, number>();
  count(what: string, status: number | "network"): void {
    const key = `${what}:${status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  total(filter: (what: string, status: string) => boolean): number {
    let sum = 0;
    for (const [key, n] of this.counts) {
      const [what = "", status = ""] = key.split(":");
      if (filter(what, status)) sum += n;
    }
    return sum;
  }
  toString(): string {
    return [...this.counts].sort().map(([key, n]) => `${key}=${n}`).join(" ");
  }
}

interface Users {
  referrerCookie: string;
  cookies: string[];
  claimerIds: string[];
}

async function createUsers(db: Db, secret: string, clients: number): Promise<Users> {
  const site = await createSite(db, "Site du banc de pannes");
  const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
  const radiologists = await mapLimit(Array.from({ length: clients }), 8, () => createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] }));
  const cookies = await mapLimit(radiologists, 8, (user) => mintSessionCookie(db, user.id, secret));
  return { referrerCookie: await mintSessionCookie(db, referrer.id, secret), cookies, claimerIds: radiologists.map((user) => user.id) };
}

/** A tRPC mutation as httpBatchLink sends it, with its HTTP status and Retry-After kept. */
function mutate(baseUrl: string, agent: Agent, cookie: string, path: string, input: unknown): Promise<{ status: number; retryAfter: string | null; servedBy: string; data: unknown }> {
  const body = JSON.stringify({ 0: superjson.serialize(input) });
  return new Promise((resolve, reject) => {
    const headers = { cookie, accept: "*/*", "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) };
    const req = request(new URL(`/api/trpc/${path}?batch=1`, baseUrl), { method: "POST", agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        const retryAfter = typeof res.headers["retry-after"] === "string" ? res.headers["retry-after"] : null;
        const [first] = status === 200 ? decodeBatch(status, Buffer.concat(chunks).toString("utf8")) : [];
        const servedBy = typeof res.headers["x-served-by"] === "string" ? res.headers["x-served-by"] : "?";
        resolve({ status, retryAfter, servedBy, data: first?.ok ? first.data : null });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Submissions one per interval through the load balancer; each acknowledged one is raced for by
 * the claimers at once (the worklist's "Prendre"), as colleagues seeing the same new request.
 */
async function runStream(o: Options, baseUrl: string, users: Users, counts: StatusCounts, fault: () => Promise<void>): Promise<StreamResult> {
  const agent = new Agent({ keepAlive: true });
  const result: StreamResult = { changes: [], acknowledgedSubmissions: [], acknowledgedClaims: new Map(), faultAt: 0, unavailableWithoutRetryAfter: 0 };
  const note = (what: string, answer: { status: number; retryAfter: string | null }) => {
    counts.count(what, answer.status);
    if (answer.status === 503 && !answer.retryAfter) result.unavailableWithoutRetryAfter++;
  };
  const started = Date.now();
  const pending: Promise<void>[] = [];
  const faultDone = (async () => {
    await sleep(o.faultAtMs);
    result.faultAt = Date.now();
    await fault();
  })();
  const claimRace = async (requestId: string) => {
    const claimers = users.claimerIds.slice(0, o.claimers);
    await Promise.all(
      claimers.map(async (claimerId, index) => {
        const answer = await mutate(baseUrl, agent, users.cookies[index]!, "requests.claim", { requestId }).catch(() => null);
        if (!answer) return counts.count("claim", "network");
        note("claim", answer);
        if (answer.status !== 200) return;
        result.acknowledgedClaims.set(requestId, [...(result.acknowledgedClaims.get(requestId) ?? []), claimerId]);
        result.changes.push({ requestId, stage: 2, ackAt: Date.now(), instance: answer.servedBy });
      }),
    );
  };
  for (let tick = 0; Date.now() - started < o.streamMs; tick++) {
    const next = started + (tick + 1) * o.intervalMs;
    pending.push(
      (async () => {
        const answer = await mutate(baseUrl, agent, users.referrerCookie, "requests.submit", teleDiagnosticInput()).catch(() => null);
        if (!answer) return counts.count("submit", "network");
        note("submit", answer);
        if (answer.status !== 200) return;
        const { requestId } = answer.data as { requestId: string };
        result.acknowledgedSubmissions.push(requestId);
        result.changes.push({ requestId, stage: 1, ackAt: Date.now(), instance: answer.servedBy });
        await claimRace(requestId);
      })(),
    );
    await sleep(Math.max(0, next - Date.now()));
  }
  await Promise.all(pending);
  await faultDone;
  agent.destroy();
  return result;
}

async function healthyWithin(port: number, sinceMs: number, limitMs: number): Promise<number | null> {
  while (Date.now() - sinceMs < limitMs) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return Date.now() - sinceMs;
    await sleep(100);
  }
  return null;
}

export async function runFaultsBench(argv: string[]): Promise<void> {
  const o = options(argv);
  await ensureProductionBuild();
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error("[bench] cleanup:", error));
  };
  let instances: Instance[] = [];
  let haproxy: RunningHaproxy | null = null;
  const timer = setTimeout(() => {
    console.error(`[bench] faults: over the --timeout-s ${o.timeoutMs / 1000} s bound, giving up`);
    void cleanup().finally(() => process.exit(1));
  }, o.timeoutMs);
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const database: SharedDatabase = await startSharedDatabase({ pgPort: o.pgPort });
    cleanups.push(database.stop);
    const db = createDbClient(database.ownerUrl, 8);
    cleanups.push(() => db.$disconnect());
    const secret = randomBytes(32).toString("base64url");
    const publicUrl = `http://127.0.0.1:${o.port}`;
    const users = await createUsers(db, secret, o.clients);
    console.log(`[bench] ${o.clients} radiologists and a referrer created; starting 2 instances`);
    const start = (name: string, port: number) => startInstance({ name, port, database, secret, publicUrl });
    // One after the other: two cold starts at once on two cores would only be slower.
    instances = [await start("a", o.instancePorts[0]), await start("b", o.instancePorts[1])];
    cleanups.push(async () => {
      for (const instance of instances) await instance.stop();
    });
    haproxy = await startHaproxy({ port: o.port, backends: instances.map((instance) => ({ name: instance.name, port: instance.port })) });
    cleanups.push(haproxy.stop);
    console.log(`[bench] HAProxy on ${haproxy.baseUrl}:\n${haproxyConfig(o.port, instances).trim()}`);

    // Each scenario counts its own answers; the clients count into whichever is current.
    let counts = new StatusCounts();
    const counter = { count: (what: string, status: number | "network") => counts.count(what, status) };
    const clients = users.cookies.map((cookie) => new FaultClient(publicUrl, cookie, counter));
    cleanups.push(async () => clients.forEach((client) => client.close()));
    await mapLimit(clients, 20, (client) => client.connect());
    console.log(`[bench] ${clients.length} live worklists connected through HAProxy`);
    await sleep(2_000);

    // Other work on the machine skews every figure below: the run says how busy it was.
    const loadBefore = loadavg()[0]!;
    // Scenario 1: kill -9 one instance mid-stream.
    const killCounts = (counts = new StatusCounts());
    const victim = instances[1]!;
    const kill = await runStream(o, publicUrl, users, counts, async () => {
      console.log(`[bench] kill -9 instance ${victim.name} (pid ${victim.pid})`);
      await victim.kill9();
    });
    await sleep(o.settleMs);
    const reconnectMs = clients
      .flatMap((client) => client.reconnections.filter(([lost]) => lost >= kill.faultAt - 50).slice(0, 1))
      .map(([, welcomed]) => welcomed - kill.faultAt)
      .sort((x, y) => x - y);
    const disconnected = clients.filter((client) => client.reconnections.some(([lost]) => lost >= kill.faultAt - 50) || !client.connected).length;
    console.log(`[bench] kill: reconnection ms ${JSON.stringify(reconnectMs.map((ms) => Math.round(ms)))}`);
    const neverReconnected = clients.filter((client) => !client.connected).length;
    const onVictim = new Set(clients.filter((client) => client.reconnections.some(([lost]) => lost >= kill.faultAt - 50) || !client.connected));
    const survivor = instances[0]!;
    const killChecks = await check(db, o.deadlineMs, clients, kill, (client, at) => (onVictim.has(client) && at < kill.faultAt ? victim.name : survivor.name));
    console.log(`[bench] kill: answers ${killCounts.toString()}`);

    // Back to two instances before the second fault.
    console.log(`[bench] starting instance ${victim.name} again`);
    const restarted = await start(victim.name, victim.port);
    instances = [instances[0]!, restarted];
    // HAProxy counts it up after 2 good checks, 500 ms apart.
    await sleep(2_000);

    // Scenario 2: PostgreSQL restarted mid-stream.
    const dbCounts = (counts = new StatusCounts());
    let dbWindow: { stoppedAt: number; startedAt: number } | null = null;
    // Polled from PostgreSQL's start, alongside the stream: how soon each instance serves again.
    let recovering: Promise<Array<number | null>> = Promise.resolve([]);
    const dbStream = await runStream(o, publicUrl, users, counts, async () => {
      if (!database.restart) {
        console.log("[bench] external DATABASE_URL: PostgreSQL is not restarted by the bench");
        return;
      }
      console.log(`[bench] stopping PostgreSQL for ${o.dbDownMs} ms`);
      const restarted = await database.restart(o.dbDownMs);
      dbWindow = restarted;
      recovering = Promise.all(instances.map((instance) => healthyWithin(instance.port, restarted.startedAt, 30_000)));
    });
    const window = dbWindow as { stoppedAt: number; startedAt: number } | null;
    const recovery = await recovering;
    console.log(`[bench] database restart: instances healthy again after ${JSON.stringify(recovery)} ms`);
    await sleep(o.settleMs);
    // Every socket is on the survivor by now: they all moved there at the kill.
    const dbChecks = await check(db, o.deadlineMs, clients, dbStream, () => survivor.name);
    console.log(`[bench] database restart: answers ${dbCounts.toString()}`);
    const alive = instances.filter((instance) => instance.alive()).length;

    const fig = (value: number | null, unit: string, description: string) => ({ value, unit, description });
    const killServerErrors = killCounts.total((_what, status) => status === "500");
    const db500 = dbCounts.total((_what, status) => status === "500");
    const db503 = dbCounts.total((_what, status) => status === "503");
    // 409: a claim lost to a colleague's, the expected answer of the race.
    const dbOtherFailures = dbCounts.total((_what, status) => status !== "200" && status !== "409" && status !== "503" && status !== "500");
    const recoveryMs = recovery.some((value) => value === null) ? null : recovery.length > 0 ? Math.max(...(recovery as number[])) : null;
    const figures: Figures = {
      machine_load_1m: fig(round(loadBefore, 1), "runnable", "the machine's 1-minute load average when the first fault struck (2 cores: above 2, the bench competes with other work)"),
      faults_clients: fig(clients.length, "clients", "live worklists (socket.io over WebSocket + tRPC refetches) through HAProxy, round robin over 2 instances"),
      kill_clients_disconnected: fig(disconnected, "clients", "worklists whose socket was on the killed instance"),
      kill_reconnect_p50_ms: fig(reconnectMs.length ? round(percentile(reconnectMs, 50)) : null, "ms", "from the kill -9 to the worklist's next welcome on the surviving instance, median"),
      kill_reconnect_p99_ms: fig(reconnectMs.length ? round(percentile(reconnectMs, 99)) : null, "ms", `the same, 99th percentile (target ≤ ${RECONNECT_TARGET_MS} ms)`),
      kill_reconnect_max_ms: fig(reconnectMs.length ? round(reconnectMs.at(-1)!) : null, "ms", "the same, slowest client"),
      kill_reconnect_over_5s: fig(reconnectMs.filter((ms) => ms > RECONNECT_TARGET_MS).length + neverReconnected, "clients", "worklists back later than 5 s, or never (target 0)"),
      kill_changes: fig(kill.changes.length, "changes", "acknowledged submissions and claims during the stream"),
      kill_missed_changes: fig(killChecks.missed, "client×change", `a change not on a client's worklist within ${o.deadlineMs} ms of its acknowledgement (target 0)`),
      kill_missed_cross_instance: fig(killChecks.missedCrossInstance, "client×change", "of the missed, changes acknowledged by another instance than the one holding the client's socket: no hint reached it"),
      kill_clients_with_misses: fig(killChecks.clientsWithMisses, "clients", "worklists that missed at least one change"),
      kill_final_mismatches: fig(killChecks.finalMismatches, "rows", "rows of the worklists' final state that differ from the server's answer at the end (target 0)"),
      kill_double_holders: fig(killChecks.doubleHolders, "requests", "requests for which two claims were acknowledged (target 0)"),
      kill_lost_writes: fig(killChecks.lostSubmissions + killChecks.lostClaims, "writes", "acknowledged submissions absent from the database, acknowledged claims whose holder is not in it (target 0)"),
      kill_server_errors: fig(killServerErrors, "answers", "HTTP 500 answers during the kill stream (target 0)"),
      db_down_ms: fig(window ? window.startedAt - window.stoppedAt : null, "ms", "PostgreSQL stopped (fast shutdown) to started again"),
      db_answers_503: fig(db503, "answers", "submissions, claims and refetches answered 503 during the restart stream"),
      db_503_without_retry_after: fig(dbStream.unavailableWithoutRetryAfter, "answers", "of the submissions' and claims' 503s, those without Retry-After (target 0)"),
      db_answers_500: fig(db500, "answers", "answered 500 (target 0)"),
      db_answers_other_failures: fig(dbOtherFailures, "answers", "other failures (no answer, 502, 504...)"),
      db_server_recovery_ms: fig(recoveryMs, "ms", "from PostgreSQL's restart to both instances' GET /api/health answering 200, with no action on them"),
      db_instances_alive: fig(alive, "instances", "instances still running after the restart (target 2)"),
      db_missed_changes: fig(dbChecks.missed, "client×change", "as kill_missed_changes, for the restart stream (target 0)"),
      db_missed_cross_instance: fig(dbChecks.missedCrossInstance, "client×change", "of the missed, changes acknowledged by the instance that holds no socket"),
      db_final_mismatches: fig(dbChecks.finalMismatches, "rows", "as kill_final_mismatches (target 0)"),
      db_double_holders: fig(dbChecks.doubleHolders, "requests", "(target 0)"),
      db_lost_writes: fig(dbChecks.lostSubmissions + dbChecks.lostClaims, "writes", "acknowledged writes absent from the database (target 0)"),
    };
    publish({
      bench: "faults",
      title: "Faults survived: an instance killed, PostgreSQL restarted",
      command: "npm run bench -- faults [--clients 200] [--claimers 3] [--interval-ms 1000] [--stream-s 15] [--fault-at-s 5] [--db-down-ms 3000] [--deadline-ms 10000]",
      about: ABOUT,
      figures,
    });
    const failures = [
      killServerErrors > 0 && `${killServerErrors} answers 500 during the kill`,
      db500 > 0 && `${db500} answers 500 during the database restart`,
      dbStream.unavailableWithoutRetryAfter > 0 && `${dbStream.unavailableWithoutRetryAfter} answers 503 without Retry-After`,
      killChecks.lostSubmissions + killChecks.lostClaims + dbChecks.lostSubmissions + dbChecks.lostClaims > 0 && "acknowledged writes lost",
      killChecks.doubleHolders + dbChecks.doubleHolders > 0 && "requests with two acknowledged holders",
      killChecks.missed + dbChecks.missed > 0 && `${killChecks.missed + dbChecks.missed} missed changes`,
      killChecks.finalMismatches + dbChecks.finalMismatches > 0 && "worklists whose final state differs from the database",
      neverReconnected > 0 && `${neverReconnected} worklists never reconnected`,
      alive < 2 && "an instance died during the database restart",
      window && recoveryMs === null && "an instance did not recover from the database restart by itself",
    ].filter(Boolean);
    if (failures.length > 0) throw new Error(`faults bench: ${failures.join("; ")}`);
  } catch (error) {
    for (const instance of instances) console.error(`\n[bench] instance ${instance.name} log (last lines):\n${instance.logTail()}`);
    if (haproxy) console.error(`\n[bench] haproxy log:\n${haproxy.logTail()}`);
    throw error;
  } finally {
    clearTimeout(timer);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

const ABOUT = `
Two production instances (\`node .next/teleradio-server.mjs\`, DICOM and HL7 listeners off) on
one PostgreSQL (the bench's embedded cluster, or DATABASE_URL), behind Debian's HAProxy (round
robin, no stickiness, TCP health check every 500 ms, \`option redispatch\`). N radiologists'
worklists are open through HAProxy, each a socket.io client over WebSocket with a real session
cookie that behaves as the browser does (a hint refetches the list; a sequence gap or a
reconnection refetches everything; a 503 is tried again after its Retry-After). A referrer
submits one request per interval and three radiologists race to claim each one.

Scenario 1 kills one instance with \`kill -9\` mid-stream: reconnection time is from the kill
to each affected worklist's next welcome; a change (a submission or a claim, once
acknowledged) is missed by a client whose worklist did not show it within the deadline; the
final state of every worklist is compared with the server's answer at the end. Scenario 2
stops PostgreSQL (fast shutdown) mid-stream and starts it again on the same port: every answer
is counted by status, the instances must stay up and answer GET /api/health again by
themselves, and every acknowledged write must be in the database.

With today's single-process realtime (before the shared socket.io adapter and cache
invalidation across instances), a change acknowledged by one instance hints only the sockets
of that instance (\`*_missed_cross_instance\`), and even a hinted client misses it when its
refetch is served by the other instance, whose per-process worklist cache (keyed by its own
data version, 2 s TTL) still holds the rows from before the change: those are the remaining
misses. With one instance left (after the kill) neither happens. The figures below are as
measured, misses included; \`machine_load_1m\` says how much other work shared the 2 cores.
`;

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { mintSessionCookie } from "@/lib/testing/session-cookie";
import { createActorResolvers } from "../auth/actor-batch-loader";
import { createSessionChecker } from "../auth/sessions/session-checker";
import { applyMigrations } from "../db/apply-migrations";
import { createDbClient, type Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded-postgres";
import { grantRuntimePrivileges, roleOfUrl } from "../db/runtime-role";
import { createTrpcHttpHandler } from "./http-handler";

// PostgreSQL stopped under a running server, then started again: every answer meanwhile is a
// 503 with Retry-After (never a 500), the server stays up, the pool reconnects by itself, and
// every submission that was acknowledged is in the database. A cluster of this file's own: the
// run's shared one cannot be stopped under the other test files.

let dataDir: string;
let port: number;
let cluster: EmbeddedDatabase;
let owner: Db;
let db: Db;
let server: Server;
let baseUrl: string;
const secret = randomBytes(32).toString("base64url");

const start = () => startEmbeddedPostgres({ dataDir, port, database: "teleradio_away" });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-away-"));
  port = 58100 + Math.floor(Math.random() * 800);
  cluster = await start();
  await applyMigrations(cluster.url);
  await grantRuntimePrivileges(cluster.url, roleOfUrl(cluster.appUrl));
  owner = createDbClient(cluster.url, 2);
  // As the server: the run-time role, its own pool.
  db = createDbClient(cluster.appUrl, 4);
  const { resolveActor, resolveSession } = createActorResolvers(db, createSessionChecker(db, { idleTimeoutMs: 3_600_000 }), { roles: [], demo: false });
  const trpc = createTrpcHttpHandler({ db, secret, resolveActor, resolveSession });
  server = createServer((req, res) => trpc(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.$disconnect();
  await owner?.$disconnect();
  await cluster?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function call(cookie: string, kind: "query" | "mutation", procedure: string, input: unknown) {
  const encoded = JSON.stringify({ 0: superjson.serialize(input) });
  const response =
    kind === "query"
      ? await fetch(`${baseUrl}/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(encoded)}`, { headers: { cookie } })
      : await fetch(`${baseUrl}/api/trpc/${procedure}?batch=1`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: encoded });
  const body = (await response.json()) as [{ result?: { data: unknown }; error?: { json: { data: { httpStatus: number; code: string } } } }];
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: body[0] };
}

describe("PostgreSQL away under a running server", () => {
  it("answers 503 + Retry-After meanwhile, reconnects by itself, and loses no acknowledged write", async () => {
    const site = await createSite(owner);
    const referrer = await createUser(owner, { role: "REFERRER", siteId: site.id });
    const radiologist = await createUser(owner, { role: "RADIOLOGIST", readsFor: [site.id] });
    const asReferrer = await mintSessionCookie(owner, referrer.id, secret);
    const asRadiologist = await mintSessionCookie(owner, radiologist.id, secret);
    const worklist = () => call(asRadiologist, "query", "worklist.list", {});
    const submit = () => call(asReferrer, "mutation", "requests.submit", teleDiagnosticInput());

    expect((await worklist()).status).toBe(200);
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let streaming!: () => void;
    const streamUnderWay = new Promise<void>((resolve) => (streaming = resolve));
    const record = async () => {
      const answer = await submit();
      statuses.push(answer.status);
      if (answer.status === 200) acknowledged.push((superjson.deserialize(answer.body.result!.data as never) as { requestId: string }).requestId);
      else expect(answer).toMatchObject({ status: 503, retryAfter: "5" });
      if (acknowledged.length === 3) streaming();
    };
    // A stream of submissions through the stop: those in flight at that moment end one way or the other.
    const stream = (async () => {
      for (let i = 0; i < 40; i++) await record();
    })();
    await streamUnderWay;
    await cluster.stop();
    await stream;

    // Stopped: the session check and the procedure both say "come back in 5 s", never 500.
    const away = await worklist();
    expect(away).toMatchObject({ status: 503, retryAfter: "5" });
    expect(away.body.error?.json.data).toMatchObject({ httpStatus: 503, code: "SERVICE_UNAVAILABLE" });
    expect(await submit()).toMatchObject({ status: 503, retryAfter: "5" });
    expect(statuses).not.toContain(500);
    expect(server.listening).toBe(true);

    cluster = await start();
    // The very first call after the restart succeeds: the pool dropped its dead connections itself.
    expect((await worklist()).status).toBe(200);
    await record();
    expect(statuses.at(-1)).toBe(200);

    const stored = await owner.readingRequest.findMany({ where: { id: { in: acknowledged } }, select: { id: true } });
    expect(stored.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
    expect(acknowledged.length).toBeGreaterThan(3);
    expect(statuses).toContain(503);
  });

  it("classifies the errors a stopped cluster really raises", async () => {
    const errors: unknown[] = [];
    const inFlight = db.$queryRawUnsafe("SELECT pg_sleep(5)").catch((error: unknown) => errors.push(error));
    const inTransaction = db
      .$transaction(async (tx) => {
        await tx.$queryRawUnsafe("SELECT 1");
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        return tx.$queryRawUnsafe("SELECT 1");
      })
      .catch((error: unknown) => errors.push(error));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cluster.stop();
    await Promise.all([inFlight, inTransaction]);
    await db.site.count().catch((error: unknown) => errors.push(error));
    await db.$transaction((tx) => tx.site.count()).catch((error: unknown) => errors.push(error));
    cluster = await start();
    expect(errors).toHaveLength(4);
    for (const error of errors) expect({ error: String(error), unavailable: isDatabaseUnavailable(error) }).toMatchObject({ unavailable: true });
    expect(await db.site.count()).toBeGreaterThan(0);
  });
});

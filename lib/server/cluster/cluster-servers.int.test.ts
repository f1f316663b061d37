import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { Socket } from "socket.io-client";
import { openTab } from "@/lib/testing/cluster/open-tab";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { trpcMutation } from "@/bench/lib/trpc-http";
import { rooms } from "@/lib/domain/realtime-hints";
import { createSite, createUser, teleDiagnosticInput } from "@/prisma/factories";
import { freePort } from "@/lib/testing/cluster/free-port";
import { startHaproxy, type Balancer } from "@/lib/testing/cluster/start-haproxy";
import { startServerInstances, type Instance } from "@/lib/testing/cluster/start-instances";
import { connectTestDb } from "@/lib/testing/test-db";
import { SERVER_BUNDLE } from "../build/server-bundle";
import { openSession } from "../auth/sessions/open-session";

// The product as production runs it: two `node .next/teleradio-server.mjs` processes on one
// PostgreSQL behind HAProxy (round robin, no stickiness). Needs `npm run build` first: without
// a build there is nothing to run, and the test says so by being skipped.

const built = existsSync(path.resolve(SERVER_BUNDLE)) && existsSync(path.resolve(".next/BUILD_ID"));
const db = connectTestDb(4);
const secret = randomBytes(32).toString("base64url");
const dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-cluster-"));
let instances: Instance[] = [];
let balancer: Balancer | null = null;
const sockets: Socket[] = [];

beforeAll(async () => {
  if (!built) return;
  const port = await freePort();
  instances = await startServerInstances({
    ports: [{ http: await freePort() }, { http: await freePort() }],
    databaseUrl: inject("appDatabaseUrl"),
    ownerUrl: inject("databaseUrl"),
    secret,
    publicUrl: `http://127.0.0.1:${port}`,
    dataDir,
    // The test's sessions are password sessions (minted): no second factor asked of anyone.
    env: { STRONG_AUTH_ROLES: "none" },
  });
  balancer = await startHaproxy({ port, backends: instances.map((instance) => instance.port) });
}, 240_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await balancer?.stop();
  await Promise.all(instances.map((instance) => instance.child.stop()));
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function cookieOf(userId: string): Promise<string> {
  const sessionId = await db.$transaction((tx) => openSession(tx, { userId, maxAgeSeconds: 3600, address: null, userAgent: "cluster servers test", now: new Date() }));
  return `next-auth.session-token=${await encode({ token: { uid: userId, sub: userId, sid: sessionId }, secret, maxAge: 3600 })}`;
}

describe.skipIf(!built)("two production servers behind HAProxy", () => {
  it("a tab connected through the balancer hears a request submitted through either instance", async () => {
    const site = await createSite(db);
    const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
    const reader = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    const readerCookie = await cookieOf(reader.id);
    const tabs = await Promise.all(
      [0, 1].map(async () => {
        const { socket, hints, welcome } = await openTab(balancer!.baseUrl, readerCookie);
        sockets.push(socket);
        return { hints, welcome };
      }),
    );
    const referrerCookie = await cookieOf(referrer.id);
    const submitted: string[] = [];
    // Straight to each instance in turn: one of the two tabs is on the other one.
    for (const instance of instances) {
      const result = await trpcMutation({ baseUrl: instance.baseUrl, agent: new Agent(), cookie: referrerCookie }, { path: "requests.submit", input: teleDiagnosticInput() });
      if (!result.ok) throw new Error(result.error);
      submitted.push((result.data as { requestId: string }).requestId);
    }
    const room = rooms.siteReaders(site.id);
    for (const tab of tabs) {
      const deadline = Date.now() + 10_000;
      const heard = () => tab.hints.filter((h) => h.room === room && h.kind === "request.changed");
      while (heard().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(heard().map((h) => [h.kind === "request.changed" ? h.requestId : null, h.seq])).toEqual([
        [submitted[0], tab.welcome.rooms[room]! + 1],
        [submitted[1], tab.welcome.rooms[room]! + 2],
      ]);
    }
  });
});

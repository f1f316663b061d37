import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Socket } from "socket.io-client";
import { openTab } from "@/lib/testing/cluster/open-tab";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rooms } from "@/lib/domain/realtime-hints";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { spawnUntilReady, type ReadyChild } from "@/lib/testing/cluster/spawn-until-ready";
import { freePort } from "@/lib/testing/cluster/free-port";
import { startRealtimeInstances, type Instance } from "@/lib/testing/cluster/start-instances";
import { startRealtimeInstance, type RealtimeInstance } from "@/lib/testing/cluster/realtime-instance";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { openSession } from "../auth/sessions/open-session";
import { submitRequest } from "../services/requests/submit-request";

// With REDIS_URL set, socket.io's messages between instances go through Redis (Debian's
// redis-server, started here on a port of its own); numbers and presence stay in PostgreSQL.

const db = connectTestDb();
const secret = randomBytes(32).toString("base64url");
let redis: ReadyChild;
let one: RealtimeInstance;
let two: Instance;
const sockets: Socket[] = [];

beforeAll(async () => {
  const port = await freePort();
  redis = await spawnUntilReady("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { name: "redis", ready: /Ready to accept connections/, timeoutMs: 10_000, env: process.env });
  const redisUrl = `redis://127.0.0.1:${port}`;
  one = await startRealtimeInstance({ db, databaseUrl: inject("appDatabaseUrl"), secret, redisUrl, log: () => undefined });
  two = (await startRealtimeInstances({ count: 1, databaseUrl: inject("databaseUrl"), runtimeUrl: inject("appDatabaseUrl"), secret, redisUrl }))[0]!;
}, 90_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await two?.child.stop();
  await one?.close();
  await redis?.stop();
});

describe("two instances with the Redis adapter", () => {
  it("a change made on instance 1 reaches a tab on instance 2, numbered after its welcome", async () => {
    const site = await createSite(db);
    const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
    const reader = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    const sessionId = await db.$transaction((tx) => openSession(tx, { userId: reader.id, maxAgeSeconds: 3600, address: null, userAgent: "redis test", now: new Date() }));
    const cookie = `next-auth.session-token=${await encode({ token: { uid: reader.id, sub: reader.id, sid: sessionId }, secret })}`;
    const { socket, hints, welcome } = await openTab(two.baseUrl, cookie);
    sockets.push(socket);

    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    const room = rooms.siteReaders(site.id);
    const deadline = Date.now() + 10_000;
    while (!hints.some((h) => h.room === room && h.kind === "request.changed") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(hints.filter((h) => h.room === room)).toEqual([{ kind: "request.changed", requestId, room, seq: welcome.rooms[room]! + 1, version: expect.any(Number) }]);
  });
});

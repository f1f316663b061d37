import { randomBytes } from "node:crypto";
import { Agent } from "node:http";
import { encode } from "next-auth/jwt";
import type { Socket } from "socket.io-client";
import { openTab } from "@/lib/testing/cluster/open-tab";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { trpcQuery } from "@/bench/lib/trpc-http";
import { PRESENCE_EVENTS, type PresenceWatchAck } from "@/lib/domain/presence";
import { rooms } from "@/lib/domain/realtime-hints";
import { EMPTY_FILTERS, toWorklistQueryInput } from "@/lib/ui/worklist/worklist-query";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { startHaproxy, type Balancer } from "@/lib/testing/cluster/start-haproxy";
import { freePort } from "@/lib/testing/cluster/free-port";
import { startRealtimeInstances, type Instance } from "@/lib/testing/cluster/start-instances";
import { startRealtimeInstance, type RealtimeInstance } from "@/lib/testing/cluster/realtime-instance";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { openSession } from "../auth/sessions/open-session";
import { revokeSession } from "../auth/sessions/revoke-sessions";
import { submitRequest } from "../services/requests/submit-request";

// Two instances of the server on one PostgreSQL: instance 1 in this process (the services this
// test calls run on it: their hints, revocations and data version bumps leave from here) and
// instance 2 a process of its own, so that nothing is shared between them but the database.

const db = connectTestDb();
const secret = randomBytes(32).toString("base64url");
let one: RealtimeInstance;
let two: Instance;
let balancer: Balancer | null = null;
const sockets: Socket[] = [];

beforeAll(async () => {
  one = await startRealtimeInstance({ db, databaseUrl: inject("appDatabaseUrl"), secret, log: () => undefined });
  two = (await startRealtimeInstances({ count: 1, databaseUrl: inject("databaseUrl"), runtimeUrl: inject("appDatabaseUrl"), secret }))[0]!;
}, 90_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await balancer?.stop();
  await two?.child.stop();
  await one?.close();
});

async function sessionCookie(userId: string): Promise<{ cookie: string; sessionId: string }> {
  const sessionId = await db.$transaction((tx) => openSession(tx, { userId, maxAgeSeconds: 3600, address: null, userAgent: "cluster test", now: new Date() }));
  const token = await encode({ token: { uid: userId, sub: userId, sid: sessionId }, secret, maxAge: 3600 });
  return { cookie: `next-auth.session-token=${token}`, sessionId };
}

/** A browser tab connected to one instance (or the balancer): welcomed, collecting its hints. */
async function tab(baseUrl: string, cookie: string) {
  const { socket, hints, welcome } = await openTab(baseUrl, cookie);
  sockets.push(socket);
  return { socket, hints, welcome, watch: (requestIds: string[]): Promise<PresenceWatchAck> => socket.emitWithAck(PRESENCE_EVENTS.watch, { requestIds, mode: "viewing" }) };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function territory() {
  const site = await createSite(db);
  const referrerUser = await createUser(db, { role: "REFERRER", siteId: site.id });
  const radiologistUser = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
  return { site, referrerUser, radiologistUser, referrer: await actorOf(db, referrerUser.id) };
}

describe("two instances on one database", () => {
  it("numbers a room's hints in one series: a change made on instance 1 reaches a tab on instance 2 as the next number", async () => {
    const { site, referrer, radiologistUser } = await territory();
    const reader = await tab(two.baseUrl, (await sessionCookie(radiologistUser.id)).cookie);
    const room = rooms.siteReaders(site.id);
    const baseline = reader.welcome.rooms[room]!;

    const first = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    const second = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    const changed = () => reader.hints.filter((h) => h.kind === "request.changed" && h.room === room);
    await until(() => changed().length >= 2, "both hints on instance 2");
    expect(changed().map((h) => [h.kind === "request.changed" ? h.requestId : null, h.seq])).toEqual([
      [first.requestId, baseline + 1],
      [second.requestId, baseline + 2],
    ]);
    // A tab connecting now, on either instance, starts from the same number.
    const later = await tab(one.baseUrl, (await sessionCookie(radiologistUser.id)).cookie);
    expect(later.welcome.rooms[room]).toBe(baseline + 2);
  });

  it("shows on instance 2 who looks at a request from instance 1, and forgets them when their tab closes", async () => {
    const { referrer, referrerUser, radiologistUser } = await territory();
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    const viewer = await tab(one.baseUrl, (await sessionCookie(radiologistUser.id)).cookie);
    const referrerCookie = (await sessionCookie(referrerUser.id)).cookie;
    const watcher = await tab(two.baseUrl, referrerCookie);
    const presenceOnTwo = async () => {
      const [answer] = await trpcQuery({ baseUrl: two.baseUrl, agent: new Agent(), cookie: referrerCookie }, [{ path: "presence.forRequests", input: { requestIds: [requestId] } }]);
      if (!answer?.ok) throw new Error(answer?.error);
      return (answer.data as { viewers: { name: string }[] }[]).flatMap((p) => p.viewers.map((v) => v.name));
    };
    const presenceHints = () => watcher.hints.filter((h) => h.kind === "presence.changed" && h.requestId === requestId).length;

    expect(await viewer.watch([requestId])).toEqual({ watching: [requestId] });
    await until(() => presenceHints() === 1, "presence hint on instance 2");
    expect(await presenceOnTwo()).toEqual([radiologistUser.displayName]);

    viewer.socket.disconnect();
    await until(() => presenceHints() === 2, "second presence hint on instance 2");
    expect(await presenceOnTwo()).toEqual([]);
  });

  it("closes at once, on instance 2, the socket of a session revoked on instance 1", async () => {
    const { radiologistUser } = await territory();
    const { cookie, sessionId } = await sessionCookie(radiologistUser.id);
    const other = await sessionCookie(radiologistUser.id);
    const revoked = await tab(two.baseUrl, cookie);
    const kept = await tab(two.baseUrl, other.cookie);
    let reason: string | null = null;
    revoked.socket.on("disconnect", (why) => (reason = why));

    await revokeSession(db, sessionId, "SIGN_OUT");
    await until(() => reason !== null, "the revoked socket closed", 5_000);
    expect(reason).toBe("io server disconnect");
    expect(kept.socket.connected).toBe(true);
    // And it may not come back.
    await expect(tab(two.baseUrl, cookie)).rejects.toThrow(/unauthenticated/);
  });

  it("does not serve instance 2's cached worklist after a change made on instance 1", async () => {
    const { site, referrer, radiologistUser } = await territory();
    const cookie = (await sessionCookie(radiologistUser.id)).cookie;
    const reader = await tab(two.baseUrl, cookie);
    const http = { baseUrl: two.baseUrl, agent: new Agent({ keepAlive: true }), cookie };
    const worklist = async () => {
      const [answer] = await trpcQuery(http, [{ path: "worklist.list", input: toWorklistQueryInput(EMPTY_FILTERS) }]);
      if (!answer?.ok) throw new Error(answer?.error);
      const data = answer.data as { id: string }[] | { rows: { id: string }[] };
      return (Array.isArray(data) ? data : data.rows).map((row) => row.id);
    };
    const before = await worklist();
    // Twice: the second is served from instance 2's cache (same scope, same data version).
    expect(await worklist()).toEqual(before);

    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    await until(() => reader.hints.some((h) => h.kind === "request.changed" && h.requestId === requestId && h.room === rooms.siteReaders(site.id)), "the hint on instance 2");
    // Well within the cache's 2 s lifetime: only the data version bumped from instance 1 empties it.
    expect(await worklist()).toContain(requestId);
  });

  it("through HAProxy (round robin, no stickiness), tabs on either instance hear a change made on the other", async () => {
    const port = await freePort();
    balancer = await startHaproxy({ port, backends: [Number(new URL(one.baseUrl).port), two.port] });
    const { site, referrer, radiologistUser } = await territory();
    // Round robin: two tabs in a row land on both instances (health checks are not requests).
    const tabs = [await tab(balancer.baseUrl, (await sessionCookie(radiologistUser.id)).cookie), await tab(balancer.baseUrl, (await sessionCookie(radiologistUser.id)).cookie)];
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    const room = rooms.siteReaders(site.id);
    for (const t of tabs) {
      await until(() => t.hints.some((h) => h.kind === "request.changed" && h.requestId === requestId && h.room === room), "the hint through the balancer");
      expect(t.hints.find((h) => h.kind === "request.changed" && h.requestId === requestId && h.room === room)!.seq).toBe(t.welcome.rooms[room]! + 1);
    }
  });
});

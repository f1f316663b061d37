import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_EVENTS, type SequencedHint } from "@/lib/domain/realtime-hints";
import { WORKLIST_FETCH_EVENT, type WorklistFetchAnswer } from "@/lib/domain/worklist-fetch";
import type { WorklistFilterInput } from "@/lib/domain/worklist-filter-schema";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { flushReadAudits } from "../audit/read-audit-buffer";
import { loadActor } from "../auth/load-actor";
import { submitRequest } from "../services/requests/submit-request";
import { listWorklistSerialized } from "../services/requests/list-worklist";
import type { WorklistListRow } from "../services/requests/worklist-list-row";
import { createCaller } from "../trpc/app-router";
import { attachRealtime } from "./attach-realtime";
import { dataVersion } from "./data-version";
import { setHintPublisher } from "./publish";

const db = connectTestDb();
const secret = randomBytes(32).toString("base64url");
let httpServer: HttpServer;
let io: Server;
let baseUrl: string;
const sockets: Socket[] = [];
const noFilter: WorklistFilterInput = { statuses: [], siteIds: [], priorities: [], types: [] };

beforeAll(async () => {
  httpServer = createServer();
  io = attachRealtime(httpServer, {
    secret,
    // Reloaded at each fetch, as the server's resolver does: a privilege removed since counts.
    resolveActor: (id) => loadActor(db, id),
    listWorklist: (actor, filter, seenVersion) => listWorklistSerialized({ db, actor, filter, seenVersion }),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  setHintPublisher(undefined);
  await io.close();
});

/** A browser tab of this user, welcomed; collects its hints and asks for its worklist as the page does. */
async function tab(userId: string) {
  const cookie = `next-auth.session-token=${await encode({ token: { uid: userId }, secret })}`;
  const socket = connect(baseUrl, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  sockets.push(socket);
  const hints: SequencedHint[] = [];
  socket.on(SOCKET_EVENTS.hint, (hint: SequencedHint) => hints.push(hint));
  await new Promise<void>((resolve, reject) => {
    socket.once(SOCKET_EVENTS.welcome, () => resolve());
    socket.once("connect_error", reject);
  });
  const fetchRaw = (payload: unknown): Promise<WorklistFetchAnswer> => socket.timeout(10_000).emitWithAck(WORKLIST_FETCH_EVENT, payload);
  const fetchRows = async (version: number, input: WorklistFilterInput = noFilter): Promise<{ version: number; rows: WorklistListRow[] }> => {
    const answer = await fetchRaw({ input, version });
    if (!answer.ok) throw new Error(`refused: ${answer.error}`);
    return { version: answer.version, rows: superjson.parse(Buffer.from(answer.rows as Uint8Array).toString("utf8")) };
  };
  return { socket, hints, fetchRaw, fetchRows };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function siteWithReaders() {
  const site = await createSite(db);
  const elsewhere = await createSite(db);
  const referrer = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: site.id })).id);
  const reader = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
  const outsider = await createUser(db, { role: "RADIOLOGIST", readsFor: [elsewhere.id] });
  return { site, referrer, reader, outsider };
}

describe("the worklist over the socket", () => {
  it("answers a radiologist exactly what the tRPC query answers, after the hint that announced the change, and audits the read", async () => {
    const { site, referrer, reader } = await siteWithReaders();
    const readerTab = await tab(reader.id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    await until(() => readerTab.hints.some((hint) => hint.kind === "request.changed" && hint.requestId === requestId));
    const hint = readerTab.hints.find((h) => h.kind === "request.changed" && h.requestId === requestId);
    expect(hint?.kind === "request.changed" && hint.version).toBe(dataVersion());

    const version = hint?.kind === "request.changed" ? hint.version : 0;
    const overSocket = await readerTab.fetchRows(version);
    const overTrpc = await createCaller({ db, actor: await actorOf(db, reader.id) }).worklist.list(noFilter);
    expect(overSocket.rows.map((row) => row.id)).toContain(requestId);
    // Dates come back as dates: the tab's cache holds the same values the HTTP query would put there.
    expect(overSocket.rows).toEqual(overTrpc);
    expect(overSocket.version).toBeGreaterThanOrEqual(version);
    // With a filter: the tRPC input, as is.
    const filtered = await readerTab.fetchRows(version, { ...noFilter, siteIds: [site.id] });
    expect(filtered.rows).toEqual(await createCaller({ db, actor: await actorOf(db, reader.id) }).worklist.list({ ...noFilter, siteIds: [site.id] }));

    await flushReadAudits();
    const audits = await db.auditLog.findMany({ where: { actorId: reader.id, action: "WORKLIST_READ" }, select: { detail: true } });
    // The two socket fetches and the two tRPC calls.
    expect(audits).toHaveLength(4);
    expect(audits.every((audit) => (audit.detail as { requestIds: string[] }).requestIds.includes(requestId))).toBe(true);
  });

  it("never gives another site's radiologist the row, nor after a privilege is removed", async () => {
    const { referrer, reader, outsider } = await siteWithReaders();
    const readerTab = await tab(reader.id);
    const outsiderTab = await tab(outsider.id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    await until(() => readerTab.hints.some((hint) => hint.kind === "request.changed" && hint.requestId === requestId));
    // The outsider hears nothing, and asking with the newest version changes nothing.
    expect(outsiderTab.hints.filter((hint) => hint.kind === "request.changed" && hint.requestId === requestId)).toEqual([]);
    expect((await outsiderTab.fetchRows(dataVersion())).rows.map((row) => row.id)).not.toContain(requestId);
    expect((await readerTab.fetchRows(dataVersion())).rows.map((row) => row.id)).toContain(requestId);

    // Removed behind the socket's back (no rights event): the next fetch already knows.
    await db.readingPrivilege.deleteMany({ where: { userId: reader.id } });
    expect((await readerTab.fetchRows(dataVersion())).rows.map((row) => row.id)).not.toContain(requestId);
  });

  it("recomputes a cached worklist when the tab heard of a change this instance has not announced", async () => {
    const { referrer, reader } = await siteWithReaders();
    const readerTab = await tab(reader.id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest({ priority: "ROUTINE" }) });
    const known = dataVersion();
    const priorityOf = (rows: WorklistListRow[]) => rows.find((row) => row.id === requestId)?.priority;
    expect(priorityOf((await readerTab.fetchRows(known)).rows)).toBe("ROUTINE");

    // Another instance commits a change and tells the tab (version known + 1); this instance
    // was not told, so its cache for the scope predates the change.
    await db.readingRequest.update({ where: { id: requestId }, data: { priority: "VITAL", version: { increment: 1 } } });
    expect(priorityOf((await readerTab.fetchRows(known)).rows)).toBe("ROUTINE");
    const fresh = await readerTab.fetchRows(known + 1);
    expect(priorityOf(fresh.rows)).toBe("VITAL");
    expect(fresh.version).toBe(known + 1);
    // The instance now knows the change: a tab that has not heard of it gets the new rows too.
    expect(dataVersion()).toBe(known + 1);
    expect(priorityOf((await readerTab.fetchRows(0)).rows)).toBe("VITAL");
    // A version no instance could have issued is not believed: the counter stays usable.
    expect(priorityOf((await readerTab.fetchRows(Number.MAX_SAFE_INTEGER)).rows)).toBe("VITAL");
    expect(dataVersion()).toBe(known + 1);
  });

  it("answers bad input with an error, and keeps answering", async () => {
    const { reader } = await siteWithReaders();
    const readerTab = await tab(reader.id);
    for (const payload of [
      undefined,
      "everything",
      { input: { statuses: ["NOT_A_STATUS"] }, version: 0 },
      { input: { siteIds: ["not-a-uuid"] }, version: 0 },
      { input: noFilter, version: -1 },
      { input: noFilter, version: 1.5 },
      { input: noFilter, version: "7" },
      { input: { ...noFilter, siteIds: Array.from({ length: 101 }, () => crypto.randomUUID()) }, version: 0 },
    ]) {
      expect(await readerTab.fetchRaw(payload)).toEqual({ ok: false, error: "BAD_REQUEST" });
    }
    // Without an acknowledgement there is nobody to answer: nothing happens, the socket stays.
    readerTab.socket.emit(WORKLIST_FETCH_EVENT, { input: noFilter, version: 0 });
    expect((await readerTab.fetchRaw({ input: noFilter, version: 0 })).ok).toBe(true);
    expect(readerTab.socket.connected).toBe(true);
  });

  it("refuses a user without a worklist and a user whose account is gone", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const adminTab = await tab(admin.id);
    expect(await adminTab.fetchRaw({ input: noFilter, version: 0 })).toEqual({ ok: false, error: "FORBIDDEN" });

    const { reader } = await siteWithReaders();
    const readerTab = await tab(reader.id);
    await db.user.update({ where: { id: reader.id }, data: { active: false } });
    expect(await readerTab.fetchRaw({ input: noFilter, version: 0 })).toEqual({ ok: false, error: "UNAUTHORIZED" });
  });
});

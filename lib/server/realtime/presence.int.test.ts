import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESENCE_EVENTS, type PresenceWatchAck } from "@/lib/domain/presence";
import { rooms, SOCKET_EVENTS, type SequencedHint, type Welcome } from "@/lib/domain/realtime-hints";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { loadActor } from "../auth/load-actor";
import { findWatchableRequest } from "../services/presence/find-watchable-request";
import { listPresence } from "../services/presence/list-presence";
import { submitRequest } from "../services/requests/submit-request";
import { setPrivilege } from "../services/settings/set-privilege";
import { attachRealtime } from "./attach-realtime";
import { setHintPublisher } from "./publish";

const db = connectTestDb();
const secret = randomBytes(32).toString("base64url");
let httpServer: HttpServer;
let io: Server;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  httpServer = createServer();
  io = attachRealtime(httpServer, {
    secret,
    resolveActor: (id) => loadActor(db, id),
    findWatchableRequest: (actor, requestId) => findWatchableRequest({ db, actor, requestId }),
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  setHintPublisher(undefined);
  await io.close();
});

/** A browser tab of this user: connected and welcomed; collects the hints it receives. */
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
  return {
    socket,
    hints,
    watch: (requestIds: string[]): Promise<PresenceWatchAck> => socket.emitWithAck(PRESENCE_EVENTS.watch, { requestIds, mode: "viewing" }),
  };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("presence over the socket", () => {
  it("shows who has the request open to those who see it, and forgets them as soon as their tab closes", async () => {
    const site = await createSite(db);
    const elsewhere = await createSite(db);
    const referrerUser = await createUser(db, { role: "REFERRER", siteId: site.id });
    const radiologistUser = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    const outsiderUser = await createUser(db, { role: "REFERRER", siteId: elsewhere.id });
    const referrer = await actorOf(db, referrerUser.id);
    const outsider = await actorOf(db, outsiderUser.id);
    const { requestId } = await submitRequest({ db, actor: referrer, input: teleDiagnosticRequest() });
    const presenceOf = async (actor = referrer) => (await listPresence({ db, actor, requestIds: [requestId] })).flatMap((p) => p.viewers.map((v) => v.name));
    const presenceHints = (hints: SequencedHint[]) => hints.filter((h) => h.kind === "presence.changed" && h.requestId === requestId).length;

    const referrerTab = await tab(referrerUser.id);
    const radiologistTab = await tab(radiologistUser.id);
    const outsiderTab = await tab(outsiderUser.id);

    expect(await radiologistTab.watch([requestId])).toEqual({ watching: [requestId] });
    await until(() => presenceHints(referrerTab.hints) === 1);
    expect(await presenceOf()).toEqual([radiologistUser.displayName]);
    // The outsider hears nothing and is told nothing.
    expect(presenceHints(outsiderTab.hints)).toBe(0);
    expect(await presenceOf(outsider)).toEqual([]);

    // A foreign site's request is not counted nor announced, exactly like one that does not exist.
    expect(await outsiderTab.watch([requestId, crypto.randomUUID()])).toEqual({ watching: [] });
    expect(await presenceOf()).toEqual([radiologistUser.displayName]);
    expect(presenceHints(referrerTab.hints)).toBe(1);

    expect(await referrerTab.watch([requestId])).toEqual({ watching: [requestId] });
    expect((await presenceOf()).sort()).toEqual([radiologistUser.displayName, referrerUser.displayName].sort());

    // Closing the tab: gone at once, and the others are told.
    radiologistTab.socket.disconnect();
    await until(async () => (await presenceOf()).length === 1);
    expect(await presenceOf()).toEqual([referrerUser.displayName]);
    await until(() => presenceHints(referrerTab.hints) >= 3);

    // Leaving the page (an empty set) clears it too.
    expect(await referrerTab.watch([])).toEqual({ watching: [] });
    expect(await presenceOf()).toEqual([]);
  });

  it("ignores a malformed declaration", async () => {
    const site = await createSite(db);
    const user = await createUser(db, { role: "REFERRER", siteId: site.id });
    const actor = await actorOf(db, user.id);
    const { requestId } = await submitRequest({ db, actor, input: teleDiagnosticRequest() });
    const t = await tab(user.id);
    expect(await t.socket.emitWithAck(PRESENCE_EVENTS.watch, { requestIds: "everything" })).toEqual({ watching: [] });
    expect(await t.socket.emitWithAck(PRESENCE_EVENTS.watch, { requestIds: Array.from({ length: 50 }, () => requestId) })).toEqual({ watching: [] });
    expect(await listPresence({ db, actor, requestIds: [requestId] })).toEqual([]);
    expect(await t.watch([requestId, requestId])).toEqual({ watching: [requestId] });
    expect((await listPresence({ db, actor, requestIds: [requestId] }))[0]!.viewers).toEqual([
      { userId: user.id, name: user.displayName, role: "REFERRER", mode: "viewing" },
    ]);
  });
});

describe("a change of a user's rights", () => {
  it("closes the user's sockets, which connect again with the rooms of the new rights", async () => {
    const site = await createSite(db);
    const added = await createSite(db);
    const radiologist = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    const admin = await actorOf(db, (await createUser(db, { role: "ADMIN" })).id);
    const { socket } = await tab(radiologist.id);
    const welcomes: Welcome[] = [];
    socket.on(SOCKET_EVENTS.welcome, (welcome: Welcome) => welcomes.push(welcome));
    let serverClosed = false;
    socket.on("disconnect", (reason) => {
      serverClosed = reason === "io server disconnect";
      // What the browser does (lib/realtime/live-updates.tsx).
      if (serverClosed) socket.connect();
    });

    await setPrivilege({ db, actor: admin, input: { userId: radiologist.id, siteId: added.id, expiresOn: null } });
    await until(() => welcomes.length > 0);
    expect(serverClosed).toBe(true);
    expect(Object.keys(welcomes[0]!.rooms)).toContain(rooms.siteReaders(added.id));
  });
});

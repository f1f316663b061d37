import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import { createActorBatchLoader } from "./actor-batch-loader";
import { createSessionChecker } from "./sessions/session-checker";
import { openSession } from "./sessions/open-session";
import { revokeSession } from "./sessions/revoke-sessions";

const db = connectTestDb();

describe("batched actor loading", () => {
  it("gives each concurrent request its own actor, and nobody for unknown or deactivated users", async () => {
    const site = await createSite(db);
    const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
    const radiologist = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    const deactivated = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    await db.user.update({ where: { id: deactivated.id }, data: { active: false } });
    const load = createActorBatchLoader(db, createSessionChecker(db, { idleTimeoutMs: 30 * 60_000 }), { roles: [], demo: false });

    const [a, b, c, d, e] = await Promise.all([
      load(referrer.id),
      load(radiologist.id),
      load(randomUUID()),
      load(deactivated.id),
      load(radiologist.id),
    ]);
    expect(a).toMatchObject({ id: referrer.id, role: "REFERRER", siteId: site.id, readableSiteIds: [] });
    expect(b).toMatchObject({ id: radiologist.id, role: "RADIOLOGIST", readableSiteIds: [site.id] });
    expect(c).toBeNull();
    expect(d).toBeNull();
    expect(e).toEqual(b);
  });
});

describe("the session a cookie names", () => {
  const open = (userId: string, now = new Date(), maxAgeSeconds = 12 * 3600) =>
    db.$transaction((tx) => openSession(tx, { userId, maxAgeSeconds, address: "203.0.113.9", userAgent: "test", now }));

  it("counts while live, and no more once revoked, expired, idle, someone else's, or missing", async () => {
    const user = await createUser(db, { role: "REFERRER" });
    const other = await createUser(db, { role: "REFERRER" });
    let clock = Date.now();
    const load = createActorBatchLoader(db, createSessionChecker(db, { idleTimeoutMs: 30 * 60_000, now: () => new Date(clock) }), { roles: [], demo: false });
    const live = await open(user.id, new Date(clock));
    const signedOut = await open(user.id, new Date(clock));
    await revokeSession(db, signedOut, "SIGN_OUT");
    const shortLived = await open(user.id, new Date(clock), 60);

    expect(await load(user.id, { id: live })).toMatchObject({ id: user.id });
    expect(await load(user.id, { id: signedOut })).toBeNull();
    expect(await load(other.id, { id: live })).toBeNull();
    expect(await load(user.id, { id: null })).toBeNull();
    expect(await load(user.id, { id: randomUUID() })).toBeNull();
    expect(await load(user.id, { id: "not-a-uuid" })).toBeNull();

    clock += 61_000;
    expect(await load(user.id, { id: shortLived })).toBeNull();
    expect(await load(user.id, { id: live })).toMatchObject({ id: user.id });
    // The request above moved the session's last activity; 31 idle minutes later it is over.
    await expect.poll(async () => (await db.userSession.findUniqueOrThrow({ where: { id: live } })).lastSeenAt.getTime()).toBe(clock);
    clock += 31 * 60_000;
    expect(await load(user.id, { id: live })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { createUser } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import { openSession } from "../../auth/sessions/open-session";
import { revokeSession } from "../../auth/sessions/revoke-sessions";
import { readSessionExpiry } from "./read-session-expiry";
import { renewSession } from "./renew-session";

const db = connectTestDb();
const MIN = 60_000;
const IDLE = 30 * MIN;

async function signedIn(now: Date, maxAgeSeconds = 12 * 3600) {
  const user = await createUser(db, { role: "REFERRER" });
  const sessionId = await db.$transaction((tx) => openSession(tx, { userId: user.id, maxAgeSeconds, address: null, userAgent: null, now }));
  return { userId: user.id, sessionId };
}

describe("a session's expiry, as the banner reads it", () => {
  it("says when the idle end comes without moving it, and renewing moves it, audited", async () => {
    const start = new Date();
    const session = await signedIn(start);
    const later = new Date(start.getTime() + 28 * MIN);
    const read = await readSessionExpiry({ db, ...session, idleTimeoutMs: IDLE, now: later });
    expect(read).toEqual({ endsAt: new Date(start.getTime() + IDLE).toISOString(), cause: "IDLE", serverNow: later.toISOString() });
    // Reading is not activity.
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.sessionId } })).lastSeenAt).toEqual(start);

    const renewed = await renewSession({ db, ...session, idleTimeoutMs: IDLE, now: later });
    expect(renewed?.endsAt).toBe(new Date(later.getTime() + IDLE).toISOString());
    const audit = await db.auditLog.findMany({ where: { actorId: session.userId, action: "SESSION_RENEWED" }, select: { detail: true } });
    expect(audit).toEqual([{ detail: { session: session.sessionId } }]);
  });

  it("cannot renew a session past its idle end, revoked, or someone else's; the absolute end never moves", async () => {
    const start = new Date();
    const idle = await signedIn(start);
    const past = new Date(start.getTime() + IDLE + 1000);
    expect(await renewSession({ db, ...idle, idleTimeoutMs: IDLE, now: past })).toBeNull();
    expect(await readSessionExpiry({ db, ...idle, idleTimeoutMs: IDLE, now: past })).toBeNull();

    const revoked = await signedIn(start);
    await revokeSession(db, revoked.sessionId, "SIGN_OUT");
    expect(await renewSession({ db, ...revoked, idleTimeoutMs: IDLE, now: start })).toBeNull();

    const other = await signedIn(start);
    expect(await renewSession({ db, userId: idle.userId, sessionId: other.sessionId, idleTimeoutMs: IDLE, now: start })).toBeNull();

    const short = await signedIn(start, 20 * 60);
    const nearEnd = new Date(start.getTime() + 19 * MIN);
    const renewed = await renewSession({ db, ...short, idleTimeoutMs: IDLE, now: nearEnd });
    expect(renewed).toMatchObject({ cause: "ABSOLUTE", endsAt: new Date(start.getTime() + 20 * MIN).toISOString() });
  });
});

import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rooms, roomsForSite, type Hint } from "@/lib/domain/realtime-hints";
import { connectTestDb } from "@/lib/testing/test-db";
import type { Tx } from "../db/client";
import { setJobWorkerWaker } from "../jobs/wake-job-worker";
import { dataVersion } from "../realtime/data-version";
import { setHintPublisher } from "../realtime/publish";
import { afterCommit } from "./after-commit";
import type { Effects } from "./effects";
import { runUseCase } from "./run-use-case";

const db = connectTestDb(4);

/** What left the process, in order: hints as the socket server receives them, and job wake-ups. */
type Sent = { hint: Hint; rooms: readonly string[] } | "wake";
let sent: Sent[];
/** For each request.changed hint: whether the change it announces was readable at that moment. */
let visibleWhenAnnounced: Promise<boolean>[];
let failOn: Hint["kind"] | null;

beforeEach(() => {
  sent = [];
  visibleWhenAnnounced = [];
  failOn = null;
  setHintPublisher({
    publish: (targets, hint) => {
      if (hint.kind === failOn) throw new Error(`socket server down for ${hint.kind}`);
      sent.push({ hint, rooms: targets });
      // A client refetching on this hint reads from another connection than the transaction's.
      if (hint.kind === "request.changed") visibleWhenAnnounced.push(siteExists(hint.requestId));
    },
  });
  setJobWorkerWaker(() => sent.push("wake"));
});

afterEach(async () => {
  await Promise.allSettled(visibleWhenAnnounced);
  setHintPublisher(undefined);
  setJobWorkerWaker(undefined);
  vi.restoreAllMocks();
});

/** The use cases' write stands in as a site row: its id is what the effects announce. */
async function writeSite(tx: Tx): Promise<string> {
  const code = `U${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const site = await tx.site.create({ data: { code, name: `Runner ${code}` }, select: { id: true } });
  return site.id;
}

async function siteExists(id: string): Promise<boolean> {
  return (await db.site.count({ where: { id } })) === 1;
}

describe("runUseCase", () => {
  it("sends the effects once the transaction has committed, by kind, each once", async () => {
    const [u1, u2, u3] = [randomUUID(), randomUUID(), randomUUID()];
    const reader = randomUUID();
    const versionBefore = dataVersion();

    const siteId = await runUseCase(db, async (tx, effects) => {
      const id = await writeSite(tx);
      // Registered in any order, some twice: the way helpers (notifyInTx...) register half way through.
      effects.wakeJobs();
      effects.notificationsChanged([u1, u3], false);
      effects.requestChanged(id, id);
      effects.measurementsChanged(reader, id);
      effects.threadChanged(id, id);
      effects.requestChanged(id, id);
      effects.notificationsChanged([u2, u1], true);
      effects.wakeJobs();
      effects.measurementsChanged(reader, id);
      // Nothing leaves before COMMIT.
      expect(sent).toEqual([]);
      return id;
    });

    expect(sent).toEqual([
      { hint: { kind: "request.changed", requestId: siteId, version: expect.any(Number) }, rooms: roomsForSite(siteId) },
      { hint: { kind: "thread.changed", requestId: siteId }, rooms: roomsForSite(siteId) },
      { hint: { kind: "report.measurements.changed", requestId: siteId }, rooms: [rooms.user(reader)] },
      // A user told twice hears once, ringing if either told them with a ring.
      { hint: { kind: "notifications.changed", vital: true }, rooms: [rooms.user(u1), rooms.user(u2)] },
      { hint: { kind: "notifications.changed", vital: false }, rooms: [rooms.user(u3)] },
      "wake",
    ]);
    expect(await Promise.all(visibleWhenAnnounced)).toEqual([true]);
    // The request's hint moved the data version once, not once per registration.
    expect(dataVersion()).toBe(versionBefore + 1);
  });

  it("sends the images hint once per site (coalesced by the publisher after its delay)", async () => {
    const siteId = await runUseCase(db, async (tx, effects) => {
      const id = await writeSite(tx);
      effects.studyChanged(id);
      effects.studyChanged(id);
      return id;
    });
    await vi.waitFor(() => expect(sent).toEqual([{ hint: { kind: "images.changed", siteId }, rooms: roomsForSite(siteId) }]), { timeout: 5_000 });
  });

  it("sends nothing when the use case throws, and writes nothing", async () => {
    let siteId = "";
    const refused = new Error("refused half way");
    await expect(
      runUseCase(db, async (tx, effects) => {
        siteId = await writeSite(tx);
        effects.requestChanged(siteId, siteId);
        effects.notificationsChanged([randomUUID()], true);
        effects.wakeJobs();
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(sent).toEqual([]);
    expect(await siteExists(siteId)).toBe(false);
  });

  it("sends nothing when the database refuses a statement and the transaction rolls back", async () => {
    let siteId = "";
    await expect(
      runUseCase(db, async (tx, effects) => {
        siteId = await writeSite(tx);
        effects.requestChanged(siteId, siteId);
        effects.wakeJobs();
        await tx.$executeRawUnsafe("SELECT 1 / 0");
      }),
    ).rejects.toThrow(/division by zero/);
    expect(sent).toEqual([]);
    expect(await siteExists(siteId)).toBe(false);
  });

  it("sends nothing when the COMMIT itself fails, though the use case returned", async () => {
    let siteId = "";
    await expect(
      runUseCase(db, async (tx, effects) => {
        siteId = await writeSite(tx);
        // A deferred constraint is checked at COMMIT only: the work succeeds, the commit does not.
        await tx.$executeRawUnsafe("CREATE TEMP TABLE runner_commit_probe (id int UNIQUE DEFERRABLE INITIALLY DEFERRED) ON COMMIT DROP");
        await tx.$executeRawUnsafe("INSERT INTO runner_commit_probe VALUES (1), (1)");
        effects.requestChanged(siteId, siteId);
        effects.notificationsChanged([randomUUID()], false);
        effects.wakeJobs();
      }),
    ).rejects.toThrow();
    expect(sent).toEqual([]);
    expect(await siteExists(siteId)).toBe(false);
  });

  it("answers the committed result when an effect fails: the failure is logged, the other effects still go", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    failOn = "request.changed";
    const user = randomUUID();

    const siteId = await runUseCase(db, async (tx, effects) => {
      const id = await writeSite(tx);
      effects.requestChanged(id, id);
      effects.notificationsChanged([user], false);
      effects.wakeJobs();
      return id;
    });

    expect(await siteExists(siteId)).toBe(true);
    expect(sent).toEqual([{ hint: { kind: "notifications.changed", vital: false }, rooms: [rooms.user(user)] }, "wake"]);
    expect(logged).toHaveBeenCalledOnce();
    expect(String(logged.mock.calls[0]?.[0])).toContain(`request.changed ${siteId}`);
  });

  it("keeps the caller's transaction options", async () => {
    const isolation = await runUseCase(db, async (tx) => (await tx.$queryRaw<{ transaction_isolation: string }[]>`SHOW transaction_isolation`)[0]?.transaction_isolation, {
      isolationLevel: "Serializable",
    });
    expect(isolation).toBe("serializable");
    const byDefault = await runUseCase(db, async (tx) => (await tx.$queryRaw<{ transaction_isolation: string }[]>`SHOW transaction_isolation`)[0]?.transaction_isolation);
    expect(byDefault).toBe("read committed");
  });

  it("refuses an effect registered once the effects were sent, rather than losing it", async () => {
    let kept: Effects | undefined;
    await runUseCase(db, async (_tx, effects) => {
      kept = effects;
    });
    expect(() => kept?.wakeJobs()).toThrow(/once the effects were sent/);
    expect(sent).toEqual([]);
  });
});

describe("afterCommit", () => {
  it("sends the effects of a write that committed by itself, at once, through the same flush", () => {
    const siteId = randomUUID();
    afterCommit((effects) => {
      effects.requestChanged(randomUUID(), siteId);
      effects.wakeJobs();
      effects.wakeJobs();
    });
    expect(sent.map((item) => (item === "wake" ? item : item.hint.kind))).toEqual(["request.changed", "wake"]);
  });
});

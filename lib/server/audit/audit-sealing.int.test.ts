import { describe, expect, it, vi } from "vitest";
import { connectFreshTestDb } from "@/lib/testing/test-db";
import { sealAuditLog, type SealerState } from "./seal-audit-log";
import { startAuditSealer } from "./start-audit-sealer";
import { verifyAuditChain } from "./verify-audit-chain";

// The sealer running, in real time, while concurrent transactions write audit rows and some
// roll back: on a database of this file's own, since the chain covers the whole log.

const fresh = connectFreshTestDb("audit_sealing", 12);

describe("sealing while many transactions write audit rows", () => {
  it("links every committed row once, in place, whatever the commit order and the rollbacks", async () => {
    const db = fresh.current();
    const sealer = startAuditSealer(db, () => undefined);
    const before = await db.auditLog.count();
    // 120 writers, each holding its id for a random while before committing or rolling back.
    const outcomes = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        db.$transaction(async (tx) => {
          await tx.auditLog.create({ data: { action: "WORKLIST_READ", entityType: "Worklist", detail: { writer: i } } });
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
          if (i % 7 === 0) throw new Error("rolled back on purpose");
        }).then(() => "committed", () => "rolled back"),
      ),
    );
    await sealer.stop();
    // Rows behind a gap may still wait for its one-second grace: pass until nothing waits.
    const state: SealerState = { gapWatch: null };
    await vi.waitFor(async () => expect((await sealAuditLog(db, state)).waitingFor).toBeNull(), { timeout: 10_000, interval: 250 });
    const committed = outcomes.filter((outcome) => outcome === "committed").length;
    expect(await db.auditLog.count()).toBe(before + committed);
    expect(await db.auditSeal.count({ where: { kind: "ROW" } })).toBe(before + committed);
    expect(await verifyAuditChain(db)).toMatchObject({ unsealed: 0, breaks: [] });
  });
});


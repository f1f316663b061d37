import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GAP_GRACE_MS } from "@/lib/domain/audit-chain";
import { connectFreshTestDb } from "@/lib/testing/test-db";
import { sealAuditLog, type SealerState } from "./seal-audit-log";
import { verifyAuditChain } from "./verify-audit-chain";

// The chain against a real PostgreSQL, on a database of this file's own (the chain covers the
// whole log, which other test files write to at any moment). Tampering is done as the owner
// with the append-only triggers switched off, as an attacker with the owner's password would.

const fresh = connectFreshTestDb("audit_chain");
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: fresh.url() });
  await owner.connect();
});
afterAll(() => owner.end());

async function addRows(count: number, tag: string): Promise<bigint[]> {
  const db = fresh.current();
  const ids: bigint[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = await db.auditLog.create({ data: { action: "WORKLIST_READ", entityType: "Worklist", detail: { tag, i, text: "é \"quoted\"" } }, select: { id: true } });
    ids.push(row.id);
  }
  return ids;
}

/** Seals until nothing is left or a gap is waited for; the clock runs ahead so gaps need no real wait. */
async function sealAll(state: SealerState, clock = { now: Date.now() }): Promise<void> {
  for (let pass = 0; pass < 10; pass += 1) {
    clock.now += GAP_GRACE_MS;
    const result = await sealAuditLog(fresh.current(), state, () => clock.now);
    if (!result.more && result.waitingFor === null) return;
  }
}

async function asOwnerWithoutTriggers(sql: string, values: unknown[] = []): Promise<void> {
  await owner.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`);
  try {
    await owner.query(sql, values);
  } finally {
    await owner.query(`ALTER TABLE "AuditLog" ENABLE TRIGGER ALL`);
  }
}

describe("the audit log's hash chain", () => {
  const state: SealerState = { gapWatch: null };

  it("seals committed rows in id order and verifies them, a rolled-back id sealed as a gap", async () => {
    await addRows(3, "before");
    // A transaction that takes an id and rolls back leaves a hole in the sequence.
    await fresh.current().$transaction(async (tx) => {
      await tx.auditLog.create({ data: { action: "WORKLIST_READ", entityType: "Worklist" } });
      throw new Error("rolled back on purpose");
    }).catch(() => undefined);
    await addRows(3, "after");
    await sealAll(state);
    const links = await fresh.current().auditSeal.findMany({ orderBy: { auditId: "asc" }, select: { auditId: true, kind: true } });
    expect(links.map((link) => link.kind)).toEqual(["ROW", "ROW", "ROW", "GAP", "ROW", "ROW", "ROW"]);
    expect(links.map((link) => Number(link.auditId))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const report = await verifyAuditChain(fresh.current());
    expect(report).toMatchObject({ checked: 7, unsealed: 0, breaks: [] });
  });

  it("waits for a transaction still holding an id, then seals its row in place", async () => {
    const db = fresh.current();
    // An open transaction holds the next id; a later one commits first.
    let commitHolder!: () => void;
    const holderMayCommit = new Promise<void>((resolve) => (commitHolder = resolve));
    let holderInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (holderInserted = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.auditLog.create({ data: { action: "WORKLIST_READ", entityType: "Worklist", detail: { tag: "slow" } } });
      holderInserted();
      await holderMayCommit;
    });
    await inserted;
    const [later] = await addRows(1, "fast");
    const clock = { now: Date.now() };
    // However long it waits (short of the maximum), the id is not called a gap while its transaction runs.
    for (let pass = 0; pass < 5; pass += 1) {
      clock.now += GAP_GRACE_MS;
      const result = await sealAuditLog(db, state, () => clock.now);
      expect(result.waitingFor).toBe(later! - 1n);
    }
    commitHolder();
    await holder;
    await sealAll(state, clock);
    const link = await db.auditSeal.findUnique({ where: { auditId: later! - 1n }, select: { kind: true } });
    expect(link?.kind).toBe("ROW");
    expect((await verifyAuditChain(db)).breaks).toEqual([]);
  });

  it("names a row whose detail the owner rewrote with the triggers off", async () => {
    const [target] = await addRows(2, "to-alter");
    await sealAll(state);
    await asOwnerWithoutTriggers(`UPDATE "AuditLog" SET "detail" = '{"tag":"innocent"}' WHERE "id" = $1`, [target]);
    const report = await verifyAuditChain(fresh.current());
    expect(report.breaks).toEqual([{ auditId: target, problem: "altered" }]);
    // Put back as it was, so that the next case starts from a sound chain.
    await asOwnerWithoutTriggers(`UPDATE "AuditLog" SET "detail" = $2 WHERE "id" = $1`, [target, JSON.stringify({ tag: "to-alter", i: 0, text: "é \"quoted\"" })]);
    expect((await verifyAuditChain(fresh.current())).breaks).toEqual([]);
  });

  it("names a deleted row, and a row forged into a gap", async () => {
    const [deleted] = await addRows(2, "to-delete");
    await sealAll(state);
    await asOwnerWithoutTriggers(`DELETE FROM "AuditLog" WHERE "id" = $1`, [deleted]);
    const gap = await fresh.current().auditSeal.findFirst({ where: { kind: "GAP" }, select: { auditId: true } });
    await owner.query(`INSERT INTO "AuditLog" ("id", "action", "entityType", "at") VALUES ($1, 'SIGN_IN', 'User', '2026-01-01')`, [gap!.auditId]);
    const report = await verifyAuditChain(fresh.current());
    expect(report.breaks).toEqual([
      { auditId: gap!.auditId, problem: "inserted" },
      { auditId: deleted, problem: "deleted" },
    ]);
  });

  it("names where a row was deleted together with its link, and counts newer rows as not sealed yet", async () => {
    const [removed, next] = await addRows(2, "to-remove-with-link");
    await sealAll(state);
    await asOwnerWithoutTriggers(`DELETE FROM "AuditLog" WHERE "id" = $1`, [removed]);
    await owner.query(`ALTER TABLE "AuditSeal" DISABLE TRIGGER ALL`);
    await owner.query(`DELETE FROM "AuditSeal" WHERE "auditId" = $1`, [removed]);
    await owner.query(`ALTER TABLE "AuditSeal" ENABLE TRIGGER ALL`);
    await addRows(1, "newest");
    const report = await verifyAuditChain(fresh.current());
    expect(report.breaks).toContainEqual({ auditId: next, problem: "unlinked" });
    expect(report.unsealed).toBe(1);
  });
});

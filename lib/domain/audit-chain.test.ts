import { describe, expect, it } from "vitest";
import { advanceGapWatch, auditGapHash, auditRowHash, checkChainStep, GAP_GRACE_MS, GAP_MAX_WAIT_MS, GENESIS_HASH, type AuditRowContent } from "./audit-chain";

const row: AuditRowContent = { id: 7n, actorId: null, action: "SIGN_IN", entityType: "User", entityId: "u1", siteId: null, detail: '{"a": 1}', at: "2026-12-07T03:00:00.000" };

describe("the gaps in the audit ids", () => {
  const horizon = (oldestRunning: bigint, next: bigint) => ({ oldestRunning, next });

  it("are not called gaps before the grace, whatever the transactions", () => {
    expect(advanceGapWatch(null, 50n, 1_000, horizon(100n, 100n))).toEqual({ watch: { mark: 50n, seenAtMs: 1_000, fence: null }, settledBelow: null, forced: false });
  });

  it("are gaps below the mark once every transaction that had an id at the fence has ended", () => {
    const first = advanceGapWatch(null, 50n, 0, horizon(90n, 100n));
    const fenced = advanceGapWatch(first.watch, 60n, GAP_GRACE_MS, horizon(90n, 100n));
    expect(fenced).toMatchObject({ settledBelow: null, watch: { mark: 50n, fence: 100n } });
    // A transaction that began after the fence does not hold them; ids above the mark wait for the next watch.
    expect(advanceGapWatch(fenced.watch, 70n, GAP_GRACE_MS + 10, horizon(100n, 120n))).toEqual({ watch: null, settledBelow: 50n, forced: false });
  });

  it("are sealed after the maximum wait even if a transaction stays open", () => {
    const first = advanceGapWatch(null, 50n, 0, horizon(90n, 100n));
    expect(advanceGapWatch(first.watch, 50n, GAP_MAX_WAIT_MS, horizon(90n, 100n))).toEqual({ watch: null, settledBelow: 50n, forced: true });
  });
});

describe("a step of the chain's walk", () => {
  const link = { auditId: 7n, kind: "ROW" as const, prevHash: GENESIS_HASH, hash: auditRowHash(GENESIS_HASH, row) };

  it("accepts a row matching its link and moves on to its hash", () => {
    expect(checkChainStep(GENESIS_HASH, 7n, 7n, link, row)).toEqual({ prevHash: link.hash, problem: null, unsealedTail: false });
  });

  it("names an altered, deleted, inserted or unlinked row", () => {
    expect(checkChainStep(GENESIS_HASH, 7n, 7n, link, { ...row, detail: '{"a": 2}' }).problem).toBe("altered");
    expect(checkChainStep(GENESIS_HASH, 7n, 7n, link, null).problem).toBe("deleted");
    expect(checkChainStep("f".repeat(64), 7n, 7n, link, row).problem).toBe("unlinked");
    const gap = { auditId: 7n, kind: "GAP" as const, prevHash: GENESIS_HASH, hash: auditGapHash(GENESIS_HASH, 7n) };
    expect(checkChainStep(GENESIS_HASH, 7n, 7n, gap, null).problem).toBeNull();
    expect(checkChainStep(GENESIS_HASH, 7n, 7n, gap, row).problem).toBe("inserted");
    expect(checkChainStep(GENESIS_HASH, 9n, 7n, null, row).problem).toBe("inserted");
  });

  it("counts a row above the head as not sealed yet, not as a break", () => {
    expect(checkChainStep(GENESIS_HASH, 6n, 7n, null, row)).toEqual({ prevHash: GENESIS_HASH, problem: null, unsealedTail: true });
  });

  it("hashes every column: the same row with another time gives another hash", () => {
    expect(auditRowHash(GENESIS_HASH, { ...row, at: "2026-12-07T03:00:00.001" })).not.toBe(link.hash);
  });
});

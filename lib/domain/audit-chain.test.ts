import { describe, expect, it } from "vitest";
import { auditGapHash, auditRowHash, checkChainStep, decideGap, GAP_GRACE_MS, GAP_MAX_WAIT_MS, GENESIS_HASH, type AuditRowContent } from "./audit-chain";

const row: AuditRowContent = { id: 7n, actorId: null, action: "SIGN_IN", entityType: "User", entityId: "u1", siteId: null, detail: '{"a": 1}', at: "2026-12-07T03:00:00.000" };

describe("a gap in the audit ids", () => {
  const horizon = (oldestRunning: bigint, next: bigint) => ({ oldestRunning, next });

  it("is not called a gap before the grace, whatever the transactions", () => {
    expect(decideGap(null, 5n, 1_000, horizon(100n, 100n))).toMatchObject({ settled: false, gap: { firstId: 5n, seenAtMs: 1_000, fence: null } });
  });

  it("is a gap once every transaction that had an id at the fence has ended", () => {
    const first = decideGap(null, 5n, 0, horizon(90n, 100n));
    const fenced = decideGap(first.gap, 5n, GAP_GRACE_MS, horizon(90n, 100n));
    expect(fenced).toMatchObject({ settled: false, gap: { fence: 100n } });
    // A transaction that began after the fence does not hold the gap.
    expect(decideGap(fenced.gap, 5n, GAP_GRACE_MS + 10, horizon(100n, 120n))).toMatchObject({ settled: true, forced: false });
  });

  it("starts over when the first missing id changes, and is forced after the maximum wait", () => {
    const first = decideGap(null, 5n, 0, horizon(90n, 100n));
    expect(decideGap(first.gap, 6n, GAP_GRACE_MS, horizon(90n, 100n)).gap).toEqual({ firstId: 6n, seenAtMs: GAP_GRACE_MS, fence: null });
    expect(decideGap(first.gap, 5n, GAP_MAX_WAIT_MS, horizon(90n, 100n))).toMatchObject({ settled: true, forced: true });
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

import "server-only";
import { advanceGapWatch, auditGapHash, auditRowHash, GENESIS_HASH, type GapWatch } from "@/lib/domain/audit-chain";
import type { Db, Tx } from "../db/client";
import { readAuditRows, readChainHead } from "./audit-chain-rows";

// Chains committed audit rows, in id order, after the fact. Audit rows are written inside many
// concurrent transactions (one per DICOM instance stored); hashing at insert time would need a
// lock held by each of them until commit, serialising the product. The sealer instead runs
// alone (an advisory lock: one sealer per database, whatever the number of servers) and links
// what has committed since its last pass; a missing id holds it until decideGap() says no
// transaction can still commit it (advanceGapWatch(), lib/domain/audit-chain.ts).

// Any constant unique to this use; pg_try_advisory_xact_lock releases it at commit.
const SEALER_LOCK_KEY = 7_316_502_218;
const BATCH = 5_000;

export interface SealerState {
  gapWatch: GapWatch | null;
}

export interface SealPass {
  sealed: number;
  gaps: number;
  /** The id a pass stopped at because a transaction may still commit it. */
  waitingFor: bigint | null;
  /** A gap sealed after GAP_MAX_WAIT_MS rather than proven empty (logged by the caller). */
  forcedGap: bigint | null;
  /** Another process holds the sealer's lock. */
  busy: boolean;
}

interface LinkRow {
  auditId: bigint;
  kind: "ROW" | "GAP";
  prevHash: string;
  hash: string;
}

/** One pass: links up to BATCH rows. `more` in the result says whether another pass has work at once. */
export async function sealAuditLog(db: Db, state: SealerState, now: () => number = Date.now): Promise<SealPass & { more: boolean }> {
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SEALER_LOCK_KEY}::bigint) AS locked`;
    if (!lock?.locked) return { sealed: 0, gaps: 0, waitingFor: null, forcedGap: null, busy: true, more: false };
    const head = await readChainHead(tx);
    let expected = head ? head.auditId + 1n : 1n;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const rows = await readAuditRows(tx, expected, null, BATCH);
    const links: LinkRow[] = [];
    let waitingFor: bigint | null = null;
    let forcedGap: bigint | null = null;
    // Gaps are looked at once per pass, all together (advanceGapWatch).
    let settledBelow: bigint | null = null;
    const last = rows.at(-1);
    if (last && last.id - expected + 1n > BigInt(rows.length)) {
      const step = advanceGapWatch(state.gapWatch, last.id, now(), await xidHorizon(tx));
      state.gapWatch = step.watch;
      settledBelow = step.settledBelow;
      if (step.forced) forcedGap = expected;
    }

    for (const row of rows) {
      if (row.id > expected) {
        if (settledBelow === null || row.id > settledBelow) {
          waitingFor = expected;
          break;
        }
        for (let id = expected; id < row.id; id += 1n) {
          const hash = auditGapHash(prevHash, id);
          links.push({ auditId: id, kind: "GAP", prevHash, hash });
          prevHash = hash;
        }
      }
      const hash = auditRowHash(prevHash, row);
      links.push({ auditId: row.id, kind: "ROW", prevHash, hash });
      prevHash = hash;
      expected = row.id + 1n;
    }
    if (links.length > 0) await tx.auditSeal.createMany({ data: links });
    const gaps = links.filter((link) => link.kind === "GAP").length;
    return { sealed: links.length - gaps, gaps, waitingFor, forcedGap, busy: false, more: waitingFor === null && rows.length === BATCH };
  });
}

async function xidHorizon(tx: Tx): Promise<{ oldestRunning: bigint; next: bigint }> {
  // This transaction has written nothing yet, so it has no xid and does not hold the horizon back.
  const [row] = await tx.$queryRaw<{ oldest: string; next: string }[]>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS oldest, pg_snapshot_xmax(pg_current_snapshot())::text AS next`;
  if (!row) throw new Error("pg_current_snapshot() answered nothing");
  return { oldestRunning: BigInt(row.oldest), next: BigInt(row.next) };
}

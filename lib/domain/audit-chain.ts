import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

// The audit log's hash chain. Each link covers one AuditLog id, in id order: a ROW link hashes
// the row's stored columns with the previous link's hash; a GAP link stands for an id no
// committed row took (a rolled-back transaction's sequence value). Changing a row's content,
// deleting a row, removing a link or slipping a row into a gap breaks the chain from there on.
// The sealer (lib/server/audit/seal-audit-log.ts) writes the links; the verifier recomputes them.

export const GENESIS_HASH = "0".repeat(64);

/** An AuditLog row as the chain reads it: every column, in its stored text form. */
export interface AuditRowContent {
  id: bigint;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  siteId: string | null;
  /** PostgreSQL's own text of the jsonb value: jsonb normalises it, so it is stable. */
  detail: string | null;
  /** The timestamp to the millisecond, as stored (no time zone involved). */
  at: string;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function auditRowHash(prevHash: string, row: AuditRowContent): string {
  return sha256(canonicalJson({ format: "teleradio-audit/1", prevHash, ...row, id: row.id.toString() }));
}

export function auditGapHash(prevHash: string, id: bigint): string {
  return sha256(canonicalJson({ format: "teleradio-audit-gap/1", prevHash, id: id.toString() }));
}

// --- When may the sealer call a missing id a gap? -------------------------------------------
// Sequence values are handed out before commit, so a missing id below a committed one is either
// rolled back or still in flight. A watch notes the highest committed id the sealer sees; every
// missing id below it was handed out before the watch began. A transaction takes its id in the
// statement that gives it a transaction id (xid), so: wait GAP_GRACE_MS (the holder has its xid
// by then), note the next xid to be assigned (the fence), and once every xid below the fence
// has ended, every id still missing below the watch's mark is a gap. One watch settles all the
// gaps below its mark at once: rollbacks, however many, delay sealing by about a second, not a
// second each. A session idle in a transaction for GAP_MAX_WAIT_MS does not hold the whole log
// unsealed: the gaps are sealed then, and a row committing there afterwards is reported by the
// verifier as out of chain (which, after that long, it is worth a look).

export const GAP_GRACE_MS = 1_000;
export const GAP_MAX_WAIT_MS = 60_000;

export interface GapWatch {
  /** The highest committed id seen when the watch began: it covers the missing ids below. */
  mark: bigint;
  seenAtMs: number;
  fence: bigint | null;
}

export interface XidHorizon {
  /** The oldest transaction id still running (pg_snapshot_xmin of a fresh snapshot). */
  oldestRunning: bigint;
  /** The next transaction id to be assigned (pg_snapshot_xmax). */
  next: bigint;
}

export interface GapWatchStep {
  /** The watch to keep for the next pass (null once settled). */
  watch: GapWatch | null;
  /** Missing ids below this mark are gaps (null: none proven yet). */
  settledBelow: bigint | null;
  /** Settled by the maximum wait rather than proven. */
  forced: boolean;
}

/** One pass's look at the gaps, `highestSeen` being the highest committed id the pass read. */
export function advanceGapWatch(previous: GapWatch | null, highestSeen: bigint, nowMs: number, horizon: XidHorizon): GapWatchStep {
  let watch: GapWatch = previous ?? { mark: highestSeen, seenAtMs: nowMs, fence: null };
  if (watch.fence === null && nowMs - watch.seenAtMs >= GAP_GRACE_MS) watch = { ...watch, fence: horizon.next };
  if (watch.fence !== null && horizon.oldestRunning >= watch.fence) return { watch: null, settledBelow: watch.mark, forced: false };
  if (nowMs - watch.seenAtMs >= GAP_MAX_WAIT_MS) return { watch: null, settledBelow: watch.mark, forced: true };
  return { watch, settledBelow: null, forced: false };
}

// --- What the verifier finds --------------------------------------------------------------

export interface AuditSealLink {
  auditId: bigint;
  kind: "ROW" | "GAP";
  prevHash: string;
  hash: string;
}

export type ChainProblem =
  /** The row's content no longer gives its link's hash. */
  | "altered"
  /** A link names a row that is not there any more. */
  | "deleted"
  /** A row sits where the chain says no row was, or below the chain's head without a link. */
  | "inserted"
  /** The link does not follow the one before it: links were removed, rewritten or forged. */
  | "unlinked";

export interface ChainBreak {
  auditId: bigint;
  problem: ChainProblem;
}

export interface ChainStep {
  /** The hash the next link must name as its previous one. */
  prevHash: string;
  /** What is wrong at this id, if anything. */
  problem: ChainProblem | null;
  /** A row newer than the chain's head: not sealed yet, not a break. */
  unsealedTail: boolean;
}

/**
 * One id of the walk: its link (if any), its row (if any), the hash the chain has reached and
 * the head (the highest sealed id). After a break the walk goes on from the stored link, so
 * that each tampered row is named, not only the first.
 */
export function checkChainStep(prevHash: string, headId: bigint | null, id: bigint, link: AuditSealLink | null, row: AuditRowContent | null): ChainStep {
  if (!link) {
    if (!row) return { prevHash, problem: null, unsealedTail: false };
    const tail = headId === null || id > headId;
    return { prevHash, problem: tail ? null : "inserted", unsealedTail: tail };
  }
  const next = { prevHash: link.hash, unsealedTail: false };
  if (link.prevHash !== prevHash) return { ...next, problem: "unlinked" };
  if (link.kind === "GAP") {
    if (row) return { ...next, problem: "inserted" };
    return { ...next, problem: auditGapHash(prevHash, id) === link.hash ? null : "unlinked" };
  }
  if (!row) return { ...next, problem: "deleted" };
  return { ...next, problem: auditRowHash(prevHash, row) === link.hash ? null : "altered" };
}

import "server-only";
import { checkChainStep, GENESIS_HASH, type AuditRowContent, type AuditSealLink, type ChainBreak } from "@/lib/domain/audit-chain";
import type { Db } from "../db/client";
import { readAuditLinks, readAuditRows, readChainHead } from "./audit-chain-rows";

// Walks the whole chain in id order, links and rows side by side, a window at a time (the log
// grows without bound; memory must not). Read-only.

const WINDOW = 10_000;

export interface ChainReport {
  /** Links checked (rows and gaps). */
  checked: number;
  head: { auditId: bigint; hash: string } | null;
  /** Rows above the head: committed since the sealer's last pass, not a break. */
  unsealed: number;
  breaks: ChainBreak[];
}

export async function verifyAuditChain(db: Db, options: { maxBreaks?: number } = {}): Promise<ChainReport> {
  const maxBreaks = options.maxBreaks ?? 100;
  const head = await readChainHead(db);
  const report: ChainReport = { checked: 0, head, unsealed: 0, breaks: [] };
  let prevHash = GENESIS_HASH;
  let cursor = 0n;
  for (;;) {
    const [links, rows] = await Promise.all([readAuditLinks(db, cursor, null, WINDOW), readAuditRows(db, cursor, null, WINDOW)]);
    if (links.length === 0 && rows.length === 0) return report;
    // Both sides are complete up to the lower of the two windows' last ids.
    const last = (side: { length: number }, id: bigint | undefined) => (side.length === WINDOW && id !== undefined ? id : null);
    const bounds = [last(links, links.at(-1)?.auditId), last(rows, rows.at(-1)?.id)].filter((id): id is bigint => id !== null);
    const upTo = bounds.length > 0 ? bounds.reduce((a, b) => (a < b ? a : b)) : null;
    for (const [id, link, row] of mergeById(links, rows, upTo)) {
      const step = checkChainStep(prevHash, head?.auditId ?? null, id, link, row);
      prevHash = step.prevHash;
      if (link) report.checked += 1;
      if (step.unsealedTail) report.unsealed += 1;
      if (step.problem) {
        report.breaks.push({ auditId: id, problem: step.problem });
        if (report.breaks.length >= maxBreaks) return report;
      }
    }
    if (upTo === null) return report;
    cursor = upTo + 1n;
  }
}

function* mergeById(links: AuditSealLink[], rows: AuditRowContent[], upTo: bigint | null): Generator<[bigint, AuditSealLink | null, AuditRowContent | null]> {
  let l = 0;
  let r = 0;
  for (;;) {
    const link = links[l];
    const row = rows[r];
    const id = link && row ? (link.auditId < row.id ? link.auditId : row.id) : (link?.auditId ?? row?.id);
    if (id === undefined || (upTo !== null && id > upTo)) return;
    const takeLink = link?.auditId === id ? link : null;
    const takeRow = row?.id === id ? row : null;
    if (takeLink) l += 1;
    if (takeRow) r += 1;
    yield [id, takeLink, takeRow];
  }
}

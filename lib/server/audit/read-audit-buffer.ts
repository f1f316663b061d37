import "server-only";
import type { Db } from "../db/client";
import { toAuditRow, type AuditEntry } from "./write-audit";

// Reads of lists are audited in batches: when a change makes every open worklist refetch at
// once, hundreds of single-row INSERTs would cost more than the reads themselves. Rows wait
// at most FLUSH_DELAY_MS and are flushed on shutdown; state changes are never buffered (their
// audit row is written in the change's own transaction).
const FLUSH_DELAY_MS = 20;
const MAX_BATCH = 1000;

interface Buffer {
  db: Db;
  rows: (AuditEntry & { at: Date })[];
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
}

// One buffer per process, shared by Next's bundle and the custom server's module graph.
const slot = globalThis as unknown as { __teleradioReadAudits?: Buffer };

export function bufferReadAudit(db: Db, entry: AuditEntry): void {
  const buffer = (slot.__teleradioReadAudits ??= { db, rows: [], timer: null, flushing: Promise.resolve() });
  buffer.rows.push({ ...entry, at: new Date() });
  if (buffer.rows.length >= MAX_BATCH) void flushReadAudits();
  else buffer.timer ??= setTimeout(() => void flushReadAudits(), FLUSH_DELAY_MS);
}

/** Writes every buffered row. Awaited on shutdown and by tests. */
export async function flushReadAudits(): Promise<void> {
  const buffer = slot.__teleradioReadAudits;
  if (!buffer) return;
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  const rows = buffer.rows.splice(0);
  const previous = buffer.flushing;
  buffer.flushing = previous.then(async () => {
    if (rows.length === 0) return;
    try {
      await buffer.db.auditLog.createMany({ data: rows.map((row) => toAuditRow(row, row.at)) });
    } catch (error) {
      console.error(`[audit] could not write ${rows.length} read audit rows:`, error);
    }
  });
  await buffer.flushing;
}

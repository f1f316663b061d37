import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../db/client";
import { toAuditRow, type AuditEntry } from "./write-audit";

// Reads of lists are audited in batches: when a change makes every open worklist refetch at
// once, hundreds of single-row INSERTs would cost more than the reads themselves. Rows wait
// at most FLUSH_DELAY_MS; state changes are never buffered (their audit row is written in the
// change's own transaction).
//
// A read's audit row is never dropped: a failed write keeps the rows and tries again with a
// growing delay, and until they are written every read of patient data is refused (503), so
// that no read goes unrecorded for longer than the outage. Shutdown waits for the rows.
const FLUSH_DELAY_MS = 20;
const MAX_BATCH = 1000;
const RETRY_FIRST_MS = 200;
const RETRY_MAX_MS = 5_000;

interface Buffer {
  db: Db;
  rows: (AuditEntry & { at: Date })[];
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
  /** Failed writes in a row; above 0, reads are refused. */
  failures: number;
}

// One buffer per process, shared by Next's bundle and the custom server's module graph.
const slot = globalThis as unknown as { __teleradioReadAudits?: Buffer };

export class ReadAuditUnavailableError extends AppError {
  constructor() {
    super("AUDIT_UNAVAILABLE", "Patient data cannot be served while its read audit cannot be written; retry in a moment");
  }
}

/** Throws (503) while earlier reads wait to be recorded: for reads whose audit row is deduplicated. */
export function assertReadAuditsWritable(): void {
  if ((slot.__teleradioReadAudits?.failures ?? 0) > 0) throw new ReadAuditUnavailableError();
}

/**
 * Records a read. Throws (503) instead when earlier reads could not be recorded: call it
 * before handing the data out, so that a refused read serves nothing.
 */
export function bufferReadAudit(db: Db, entry: AuditEntry): void {
  const buffer = (slot.__teleradioReadAudits ??= { db, rows: [], timer: null, flushing: Promise.resolve(), failures: 0 });
  if (buffer.failures > 0) throw new ReadAuditUnavailableError();
  buffer.db = db;
  buffer.rows.push({ ...entry, at: new Date() });
  if (buffer.rows.length >= MAX_BATCH) void flushReadAudits();
  else buffer.timer ??= setTimeout(() => void flushReadAudits(), FLUSH_DELAY_MS);
}

/** One attempt at writing every buffered row; on failure they stay, and a retry is scheduled. */
export async function flushReadAudits(): Promise<void> {
  const buffer = slot.__teleradioReadAudits;
  if (!buffer) return;
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  buffer.flushing = buffer.flushing.then(() => writeBuffered(buffer));
  await buffer.flushing;
}

async function writeBuffered(buffer: Buffer): Promise<void> {
  const rows = buffer.rows.splice(0);
  if (rows.length === 0) return;
  try {
    await buffer.db.auditLog.createMany({ data: rows.map((row) => toAuditRow(row, row.at)) });
    buffer.failures = 0;
  } catch (error) {
    // Back in front, in their order: a later success writes them first.
    buffer.rows.unshift(...rows);
    buffer.failures += 1;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (buffer.failures - 1));
    console.error(`[audit] could not write ${rows.length} read audit rows (attempt ${buffer.failures}, next in ${delay} ms); reads of patient data are refused until then:`, error instanceof Error ? error.message : error);
    buffer.timer ??= setTimeout(() => void flushReadAudits(), delay);
    buffer.timer.unref();
  }
}

/**
 * Shutdown: writes the buffered rows, retrying until `timeoutMs`. Rows still unwritten then are
 * printed to the error log, one JSON line each, so that they can be entered by hand. Returns
 * whether everything was written.
 */
export async function drainReadAudits(timeoutMs: number): Promise<boolean> {
  const buffer = slot.__teleradioReadAudits;
  if (!buffer) return true;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await flushReadAudits();
    if (buffer.rows.length === 0) return true;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_FIRST_MS, Math.max(0, deadline - Date.now()))));
  }
  if (buffer.timer) clearTimeout(buffer.timer);
  for (const row of buffer.rows) console.error(`[audit] UNWRITTEN READ AUDIT ${JSON.stringify(row)}`);
  return false;
}

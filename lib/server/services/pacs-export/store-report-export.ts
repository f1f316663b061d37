import "server-only";
import { nextAttemptDelayMs } from "@/lib/domain/hl7/outbound/retry-schedule";
import type { PacsExportState } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { storeDocument, statusHex, type StoreDocumentOutcome } from "../../imaging/store-scu/store-document";
import { enqueueJob } from "../../jobs/enqueue-job";
import { runUseCase } from "../../use-cases/run-use-case";
import { SENDING_LEASE_MS, STORE_TIMEOUT_MS } from "./export-lease";
import { loadReportDocument } from "./load-report-document";

export type StoreOutcome = "STORED" | "FAILED" | "RETRY_SCHEDULED" | "NOTHING_TO_DO";

/**
 * One attempt at storing an export at its destination (the "pacs.storeReport" job). Re-entrant:
 * a row already STORED or FAILED is left alone, and taking it (QUEUED -> SENDING) is a
 * conditional update, so two runners never send it at once. Success or warning: STORED. The
 * PACS said no (association rejected, a failure status): FAILED at once, since sending it again
 * would hear the same; an administrator or head may resend it once the cause is fixed. The PACS
 * was not reached or did not answer: tried again on the HL7 outbox's schedule, FAILED after the
 * last attempt. Each attempt's outcome is audited. The exchange happens outside any transaction.
 */
export async function storeReportExport(args: { db: Db; exportId: string; now: Date; jobId: bigint; callingAeTitle: string; timeoutMs?: number }): Promise<StoreOutcome> {
  const { db, now } = args;
  const row = await db.reportPacsExport.findUnique({
    where: { id: args.exportId },
    select: { id: true, state: true, attempts: true, requestId: true, format: true, sopInstanceUid: true, destination: { select: { siteId: true, active: true, aeTitle: true, host: true, port: true } } },
  });
  if (!row || row.state === "STORED" || row.state === "FAILED") return "NOTHING_TO_DO";

  const attempt = row.attempts + 1;
  const leaseOver = new Date(now.getTime() - SENDING_LEASE_MS);
  const taken = await db.reportPacsExport.updateMany({
    where: { id: row.id, attempts: row.attempts, OR: [{ state: "QUEUED" }, { state: "SENDING", updatedAt: { lt: leaseOver } }] },
    data: { state: "SENDING", attempts: attempt, updatedAt: now },
  });
  if (taken.count === 0) return lookAgainWhenLeaseEnds(db, row.id);

  const finish = (state: "STORED" | "FAILED" | "QUEUED", dimseStatus: string | null, errorText: string | null, retryAt: Date | null = null) =>
    record({ db, row: { id: row.id, requestId: row.requestId, siteId: row.destination.siteId, format: row.format, sopInstanceUid: row.sopInstanceUid }, attempt, now, state, dimseStatus, errorText, retryAt });

  const later = (reason: string) => {
    const delay = nextAttemptDelayMs(attempt);
    if (delay === null) return finish("FAILED", null, `${reason} (after ${attempt} attempts)`);
    return finish("QUEUED", null, reason, new Date(now.getTime() + delay));
  };

  const { destination } = row;
  if (!destination.active) return finish("FAILED", null, "The PACS destination was deactivated");
  let part10: Uint8Array | null;
  try {
    part10 = await loadReportDocument(db, row.id);
  } catch (error) {
    // A busy database or a passing fault: tried again on the schedule, failed (visible, resendable) after the last attempt.
    return later(`The document could not be built: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!part10) return finish("FAILED", null, "The study is no longer in the archive");

  const outcome: StoreDocumentOutcome = await storeDocument({ target: destination, callingAeTitle: args.callingAeTitle, part10, timeoutMs: args.timeoutMs ?? STORE_TIMEOUT_MS });
  switch (outcome.kind) {
    case "stored":
      return finish("STORED", statusHex(outcome.status), null);
    case "refused":
      return finish("FAILED", outcome.status === null ? null : statusHex(outcome.status), outcome.reason);
    case "unreachable":
      return later(outcome.reason);
  }
}

/**
 * The row could not be taken: another attempt holds it, or one died holding it (a crash, a
 * database error after the store). Either way a job looks again when its lease ends, so that no
 * export waits in "sending" for a manual resend; a row already done is then left alone.
 */
async function lookAgainWhenLeaseEnds(db: Db, exportId: string): Promise<StoreOutcome> {
  const current = await db.reportPacsExport.findUnique({ where: { id: exportId }, select: { state: true, updatedAt: true } });
  if (current?.state !== "SENDING") return "NOTHING_TO_DO";
  const runAt = new Date(current.updatedAt.getTime() + SENDING_LEASE_MS + 1_000);
  await enqueueJob(db, { kind: "pacs.storeReport", payload: { exportId }, runAt, dedupeKey: `pacs.storeReport:${exportId}:lease:${current.updatedAt.getTime()}` });
  return "RETRY_SCHEDULED";
}

async function record(args: {
  db: Db;
  row: { id: string; requestId: string; siteId: string; format: string; sopInstanceUid: string };
  attempt: number;
  now: Date;
  state: Extract<PacsExportState, "STORED" | "FAILED" | "QUEUED">;
  dimseStatus: string | null;
  errorText: string | null;
  retryAt: Date | null;
}): Promise<StoreOutcome> {
  const { db, row, attempt, now, state, retryAt } = args;
  const errorText = args.errorText?.slice(0, 2000) ?? null;
  const recorded = await runUseCase(db, async (tx, effects) => {
    // Conditional on the attempt taken: a runner that overran its lease does not overwrite a retake.
    const { count } = await tx.reportPacsExport.updateMany({ where: { id: row.id, state: "SENDING", attempts: attempt }, data: { state, dimseStatus: args.dimseStatus, errorText, updatedAt: now } });
    if (count === 0) return false;
    if (retryAt) await enqueueJob(tx, { kind: "pacs.storeReport", payload: { exportId: row.id }, runAt: retryAt, dedupeKey: `pacs.storeReport:${row.id}:retry:${attempt}:${now.getTime()}` });
    await writeAudit(tx, {
      actorId: null,
      action: "REPORT_PACS_EXPORT_ATTEMPT",
      entityType: "ReportPacsExport",
      entityId: row.id,
      siteId: row.siteId,
      detail: { requestId: row.requestId, format: row.format, sopInstanceUid: row.sopInstanceUid, attempt, state, dimseStatus: args.dimseStatus, errorText, retryAt: retryAt?.toISOString() ?? null },
    });
    effects.requestChanged(row.requestId, row.siteId);
    return true;
  });
  if (!recorded) return "NOTHING_TO_DO";
  return state === "QUEUED" ? "RETRY_SCHEDULED" : state;
}

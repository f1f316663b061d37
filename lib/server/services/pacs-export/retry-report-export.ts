import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { runUseCase } from "../../use-cases/run-use-case";
import { canWatchOutbound } from "../hl7-outbound/outbound-access";
import { SENDING_LEASE_MS } from "./export-lease";

/**
 * Sends a FAILED export (or one left SENDING by a crashed runner) again, as it was (the same instance UIDs: the PACS replaces what it may
 * hold), with a fresh retry schedule. Audited with the previous attempts and error. Refused
 * while its destination is deactivated.
 */
export async function retryReportExport(args: { db: Db; actor: Actor; exportId: string; now?: Date }): Promise<{ id: string; state: "QUEUED" }> {
  const { db, actor, exportId } = args;
  if (!canWatchOutbound(actor)) throw new AppError("FORBIDDEN", "Only a department head or an administrator sends PACS exports again");
  const now = args.now ?? new Date();
  await runUseCase(db, async (tx, effects) => {
    const [row] = await tx.$queryRaw<{ state: string; requestId: string; attempts: number; destinationId: string; errorText: string | null; dimseStatus: string | null; updatedAt: Date }[]>`
      SELECT state::text AS state, "requestId", attempts, "destinationId", "errorText", "dimseStatus", "updatedAt" FROM "ReportPacsExport" WHERE id = ${exportId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "PACS export not found");
    // A SENDING row past its lease was left by a runner that crashed mid-send: nothing will take it again by itself.
    const abandoned = row.state === "SENDING" && row.updatedAt.getTime() < now.getTime() - SENDING_LEASE_MS;
    if (row.state !== "FAILED" && !abandoned) throw new AppError("INVALID_TRANSITION", "Only a failed export is sent again", { action: "RETRY", from: row.state });
    const destination = await tx.reportPacsDestination.findUniqueOrThrow({ where: { id: row.destinationId }, select: { active: true, siteId: true } });
    if (!destination.active) throw new AppError("INVALID_TRANSITION", "The PACS destination is deactivated", { action: "RETRY", from: "DESTINATION_INACTIVE" });
    await tx.reportPacsExport.update({ where: { id: exportId }, data: { state: "QUEUED", attempts: 0, dimseStatus: null, errorText: null, updatedAt: now } });
    await enqueueJob(tx, { kind: "pacs.storeReport", payload: { exportId }, runAt: now, dedupeKey: `pacs.storeReport:${exportId}:manual:${now.getTime()}:${actor.id}` });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "REPORT_PACS_EXPORT_RETRIED",
      entityType: "ReportPacsExport",
      entityId: exportId,
      siteId: destination.siteId,
      detail: { requestId: row.requestId, previousAttempts: row.attempts, previousError: row.errorText, previousStatus: row.dimseStatus },
    });
    effects.requestChanged(row.requestId, destination.siteId);
    effects.wakeJobs();
  });
  return { id: exportId, state: "QUEUED" };
}

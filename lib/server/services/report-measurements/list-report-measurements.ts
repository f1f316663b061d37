import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { MEASUREMENT_KINDS, ReportMeasurementDto } from "@/lib/domain/reports/report-measurement-schemas";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { assertHolder, loadReportSubject } from "../reports/load-report-subject";

/**
 * The measurements this reader sent to this request's report, oldest first: the report
 * editor's list and the viewer's "sent" marks. Another reader's never show, even on a request
 * they took over. Reading clinical figures of a patient: audited when there are any.
 */
export async function listReportMeasurements(args: { db: Db; actor: Actor; requestId: string }): Promise<ReportMeasurementDto[]> {
  const { db, actor } = args;
  const request = await loadReportSubject(db, actor, args.requestId);
  assertHolder(actor, request);
  const rows = await db.reportMeasurement.findMany({
    where: { requestId: request.id, readerId: actor.id },
    orderBy: [{ sentAt: "asc" }, { id: "asc" }],
    select: { id: true, annotationUid: true, kind: true, text: true, sentAt: true },
  });
  if (rows.length > 0) {
    bufferReadAudit(db, { actorId: actor.id, action: "REPORT_MEASUREMENTS_READ", entityType: "ReadingRequest", entityId: request.id, siteId: request.siteId, detail: { count: rows.length } });
  }
  return rows.map((row) => ({ id: row.id, measurementId: row.annotationUid, kind: row.kind as (typeof MEASUREMENT_KINDS)[number], text: row.text, sentAt: row.sentAt }));
}

import "server-only";
import { newUid } from "@/lib/dicom/uid";
import type { ReportDocumentFormat } from "@/lib/generated/prisma/client";
import type { Tx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import type { SignedVersionOut } from "../results-out/queue-results-out";

/**
 * The signed version as DICOM documents to the site's PACS, in the signing transaction (the
 * outbox): one export per active destination of the request's site, per study confirmed as the
 * request's (a link still waiting for confirmation may be another patient's), per format the
 * destination takes. The series and instance UIDs are generated here, once: every attempt, and
 * a manual resend, stores the same instance (the PACS replaces it rather than adding a copy).
 * Re-entrant: a row that exists already (same version, destination, format, study) is kept.
 */
export async function queueReportExportsInTx(tx: Tx, out: SignedVersionOut): Promise<boolean> {
  const request = await tx.readingRequest.findUniqueOrThrow({ where: { id: out.requestId }, select: { siteId: true } });
  const [destinations, studies] = await Promise.all([
    tx.reportPacsDestination.findMany({ where: { siteId: request.siteId, active: true }, select: { id: true, sendPdf: true, sendSr: true }, orderBy: { id: "asc" } }),
    tx.dicomStudy.findMany({ where: { requestId: out.requestId, siteId: request.siteId, linkState: "LINKED" }, select: { studyInstanceUid: true }, orderBy: { studyInstanceUid: "asc" } }),
  ]);
  const rows = destinations.flatMap((destination) =>
    studies.flatMap((study) =>
      formatsOf(destination).map((format) => ({
        reportVersionId: out.versionId,
        requestId: out.requestId,
        destinationId: destination.id,
        format,
        studyInstanceUid: study.studyInstanceUid,
        seriesInstanceUid: newUid(),
        sopInstanceUid: newUid(),
        createdAt: out.now,
        updatedAt: out.now,
      })),
    ),
  );
  if (rows.length === 0) return false;
  const created = await tx.reportPacsExport.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
  for (const row of created) {
    await enqueueJob(tx, { kind: "pacs.storeReport", payload: { exportId: row.id }, runAt: out.now, dedupeKey: `pacs.storeReport:${row.id}:queued` });
  }
  return created.length > 0;
}

function formatsOf(destination: { sendPdf: boolean; sendSr: boolean }): ReportDocumentFormat[] {
  return [...(destination.sendPdf ? (["ENCAPSULATED_PDF"] as const) : []), ...(destination.sendSr ? (["BASIC_TEXT_SR"] as const) : [])];
}

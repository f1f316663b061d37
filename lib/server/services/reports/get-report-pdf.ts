import "server-only";
import type { Actor } from "@/lib/domain/access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { renderReportPdf } from "../../reports/render-report-pdf";
import { loadReportPdfInput } from "../../reports/load-report-pdf-input";
import { readableSignedVersion } from "./readable-signed-version";

/**
 * A signed version as PDF, with every signed version before it: an addendum's PDF shows the
 * report it corrects, so the printed copy carries the whole history up to that signature.
 * Drafts are nobody's download (NOT_FOUND, like a foreign site's report). Built from stored,
 * immutable columns only (load-report-pdf-input.ts), so each download of a version gives the
 * same bytes. Audited: the document holds the patient's identity and the report.
 */
export async function getReportPdf(args: { db: Db; actor: Actor; versionId: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { db, actor } = args;
  const target = await readableSignedVersion(db, actor, args.versionId);

  const { input, siteId, requestId } = await loadReportPdfInput(db, target);
  const bytes = await renderReportPdf(input);

  await writeAudit(db, {
    actorId: actor.id,
    action: "REPORT_PDF_DOWNLOADED",
    entityType: "ReportVersion",
    entityId: target.id,
    siteId,
    detail: { requestId, sequence: target.sequence, versions: input.versions.length },
  });
  return { fileName: `CR-${input.request.accessionNumber}-v${target.sequence}.pdf`, bytes };
}

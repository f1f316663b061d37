import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canReadSignedReport } from "@/lib/domain/reports/report-access";
import { performedExamTitle, wasInjected } from "@/lib/domain/reports/report-document";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { renderReportPdf } from "../../reports/render-report-pdf";
import { documentTitleFor, type ReportPdfInput } from "../../reports/report-pdf-input";
import { visibleRequestsWhere } from "../requests/request-scope";

/**
 * A signed version as PDF, with every signed version before it: an addendum's PDF shows the
 * report it corrects, so the printed copy carries the whole history up to that signature.
 * Drafts are nobody's download (NOT_FOUND, like a foreign site's report). Built from stored,
 * immutable columns only, so each download of a version gives the same bytes. Audited: the
 * document holds the patient's identity and the report.
 */
export async function getReportPdf(args: { db: Db; actor: Actor; versionId: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { db, actor } = args;
  const target = await db.reportVersion.findFirst({
    where: { id: args.versionId, signedAt: { not: null }, request: visibleRequestsWhere(actor) },
    select: { id: true, sequence: true, requestId: true },
  });
  if (!target) throw new AppError("NOT_FOUND", "Report not found");
  if (!canReadSignedReport(actor)) throw new AppError("FORBIDDEN", "Reports are read by physicians");

  const request = await db.readingRequest.findUniqueOrThrow({
    where: { id: target.requestId },
    select: {
      id: true,
      siteId: true,
      type: true,
      accessionNumber: true,
      modality: true,
      bodyRegion: true,
      clinicalQuestion: true,
      expertQuestion: true,
      submittedAt: true,
      patientFamilyName: true,
      patientGivenName: true,
      patientBirthDate: true,
      patientSex: true,
      sitePatientId: true,
      patientIns: true,
      contrastInjection: true,
      site: { select: { name: true, code: true } },
      requester: { select: { displayName: true } },
      reports: {
        where: { signedAt: { not: null }, sequence: { lte: target.sequence } },
        orderBy: { sequence: "asc" },
        select: {
          kind: true,
          sequence: true,
          narrative: true,
          conclusion: true,
          signerName: true,
          signedAt: true,
          fingerprint: true,
          values: true,
          template: { select: { title: true, purpose: true } },
        },
      },
    },
  });

  const versions = request.reports.map((version) => ({
    kind: version.kind,
    sequence: version.sequence,
    examTitle: performedExamTitle(version.template.title, wasInjected(version.values, request.contrastInjection)),
    narrative: version.narrative ?? "",
    conclusion: version.conclusion ?? "",
    signerName: version.signerName ?? "",
    signedAt: version.signedAt!,
    fingerprint: version.fingerprint ?? "",
  }));
  // The original's template says whether the document is a report or an opinion (avis).
  const purpose = request.reports[0]?.template.purpose ?? (request.type === "TELEEXPERTISE" ? "OPINION" : "REPORT");
  const input: ReportPdfInput = {
    documentTitle: documentTitleFor(purpose),
    letterhead: { siteName: request.site.name, siteCode: request.site.code },
    patient: {
      familyName: request.patientFamilyName,
      givenName: request.patientGivenName,
      birthDate: request.patientBirthDate,
      sex: request.patientSex,
      sitePatientId: request.sitePatientId,
      ins: request.patientIns,
    },
    request: {
      type: request.type,
      accessionNumber: request.accessionNumber,
      modality: request.modality,
      bodyRegion: request.bodyRegion,
      requesterName: request.requester.displayName,
      submittedAt: request.submittedAt,
      clinicalQuestion: request.clinicalQuestion,
      expertQuestion: request.expertQuestion,
    },
    versions,
  };
  const bytes = await renderReportPdf(input);

  await writeAudit(db, {
    actorId: actor.id,
    action: "REPORT_PDF_DOWNLOADED",
    entityType: "ReportVersion",
    entityId: target.id,
    siteId: request.siteId,
    detail: { requestId: request.id, sequence: target.sequence, versions: versions.length },
  });
  return { fileName: `CR-${request.accessionNumber}-v${target.sequence}.pdf`, bytes };
}

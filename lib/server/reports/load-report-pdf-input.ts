import "server-only";
import { performedExamTitle, wasInjected } from "@/lib/domain/reports/report-document";
import { insForOutgoing } from "@/lib/domain/identity/ins-status";
import type { Db } from "../db/client";
import { documentTitleFor, type ReportPdfInput } from "./report-pdf-input";

/**
 * What the PDF of a signed version prints, read from stored, immutable columns only: the
 * version with every signed version before it (an addendum's PDF shows the report it corrects).
 * The caller has checked who may read it: the download (get-report-pdf.ts) and the PACS export.
 */
export async function loadReportPdfInput(db: Db, requestId: string, sequence: number, options: { outgoing?: boolean } = {}): Promise<{ input: ReportPdfInput; siteId: string }> {
  const request = await db.readingRequest.findUniqueOrThrow({
    where: { id: requestId },
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
      patientInsStatus: true,
      contrastInjection: true,
      site: { select: { name: true, code: true } },
      requester: { select: { displayName: true } },
      reports: {
        where: { signedAt: { not: null }, sequence: { lte: sequence } },
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
      // A copy that leaves the product (the site's PACS) prints the INS only for a qualified identity.
      ins: options.outgoing ? insForOutgoing(request) : request.patientIns,
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
  return { input, siteId: request.siteId };
}

import "server-only";
import { insForOutgoing } from "@/lib/domain/identity/ins-status";
import { performedExamTitle, wasInjected } from "@/lib/domain/reports/report-document";
import type { Db, Tx } from "../db/client";
import { documentTitleFor, type ReportPdfInput } from "./report-pdf-input";

/**
 * What the PDF of a signed version prints: the request, and every signed version up to this
 * one (an addendum's PDF shows the report it corrects). Built from stored, immutable columns
 * only, so the same version always renders to the same bytes, whoever asks (a download, the
 * message to the site's RIS, the copy stored at the site's PACS). No scoping here: the caller
 * has decided who may have it. Every PDF leaves the product (printed, filed, sent), so it names
 * the INS only for a qualified identity, as the HL7 messages and the CDA do.
 */
export async function loadReportPdfInput(db: Db | Tx, target: { requestId: string; sequence: number }): Promise<{ input: ReportPdfInput; siteId: string; requestId: string }> {
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
      patientInsStatus: true,
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
      // A copy for the site's PACS prints the INS only for a qualified identity (insForOutgoing).
      ins: insForOutgoing(request),
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
  return { input, siteId: request.siteId, requestId: request.id };
}

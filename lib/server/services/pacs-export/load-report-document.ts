import "server-only";
import { PLATFORM_NAME } from "@/lib/domain/hl7/outbound/build-decision-message";
import { buildBasicTextSr, reportTextFrom } from "@/lib/domain/pacs-export/build-basic-text-sr";
import { buildEncapsulatedPdf } from "@/lib/domain/pacs-export/build-encapsulated-pdf";
import { BASIC_TEXT_SR_STORAGE, ENCAPSULATED_PDF_STORAGE, type ReportDocumentInput } from "@/lib/domain/pacs-export/report-document-input";
import { writeReportPart10 } from "@/lib/domain/pacs-export/write-report-part10";
import { performedExamTitle, wasInjected } from "@/lib/domain/reports/report-document";
import type { Db } from "../../db/client";
import { loadReportPdfInput } from "../../reports/load-report-pdf-input";
import { renderReportPdf } from "../../reports/render-report-pdf";
import { documentTitleFor } from "../../reports/report-pdf-input";

export const SOP_CLASS_OF = { ENCAPSULATED_PDF: ENCAPSULATED_PDF_STORAGE, BASIC_TEXT_SR: BASIC_TEXT_SR_STORAGE } as const;

/**
 * An export's document as the Part 10 file to send, built from stored, immutable data at each
 * attempt (the signed version, the study as received, the UIDs of the export row), so every
 * attempt sends the same instance. Null when the study is no longer in the archive.
 */
export async function loadReportDocument(db: Db, exportId: string): Promise<Uint8Array | null> {
  const row = await db.reportPacsExport.findUniqueOrThrow({
    where: { id: exportId },
    select: {
      format: true,
      studyInstanceUid: true,
      seriesInstanceUid: true,
      sopInstanceUid: true,
      destinationId: true,
      requestId: true,
      request: { select: { type: true, contrastInjection: true } },
      reportVersion: {
        select: {
          sequence: true,
          narrative: true,
          conclusion: true,
          signerName: true,
          signedAt: true,
          values: true,
          signedBy: { select: { rpps: true } },
          template: { select: { title: true, purpose: true } },
        },
      },
    },
  });
  const version = row.reportVersion;
  const study = await db.dicomStudy.findUnique({
    where: { studyInstanceUid: row.studyInstanceUid },
    select: {
      studyInstanceUid: true,
      patientName: true,
      patientId: true,
      issuerOfPatientId: true,
      patientBirthDate: true,
      patientSex: true,
      studyDate: true,
      studyTime: true,
      accessionNumber: true,
      studyId: true,
      studyDescription: true,
      referringPhysicianName: true,
    },
  });
  if (!study || !version.signedAt) return null;
  // The previous signed version's document at this destination, in this format, for this study.
  const predecessor = await db.reportPacsExport.findFirst({
    where: { requestId: row.requestId, destinationId: row.destinationId, format: row.format, studyInstanceUid: row.studyInstanceUid, reportVersion: { sequence: { lt: version.sequence } } },
    orderBy: { reportVersion: { sequence: "desc" } },
    select: { studyInstanceUid: true, seriesInstanceUid: true, sopInstanceUid: true },
  });
  const input: ReportDocumentInput = {
    study,
    seriesInstanceUid: row.seriesInstanceUid,
    sopInstanceUid: row.sopInstanceUid,
    sequence: version.sequence,
    title: `${documentTitleFor(version.template.purpose)} — ${performedExamTitle(version.template.title, wasInjected(version.values, row.request.contrastInjection))}`,
    signedAt: version.signedAt,
    signer: { name: version.signerName ?? "", rpps: version.signedBy?.rpps ?? null },
    institutionName: PLATFORM_NAME,
    predecessor: predecessor ? { ...predecessor, sopClassUid: SOP_CLASS_OF[row.format] } : null,
  };
  if (row.format === "BASIC_TEXT_SR") return writeReportPart10(buildBasicTextSr(input, reportTextFrom(version.narrative ?? "", version.conclusion ?? "")));
  const { input: pdfInput } = await loadReportPdfInput(db, { requestId: row.requestId, sequence: version.sequence });
  return writeReportPart10(buildEncapsulatedPdf(input, await renderReportPdf(pdfInput)));
}

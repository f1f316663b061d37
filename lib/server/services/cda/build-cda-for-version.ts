import "server-only";
import type { Modality } from "@/lib/domain/enums";
import { buildCdaDocument } from "@/lib/domain/cda/build-cda-document";
import type { CdaInput } from "@/lib/domain/cda/cda-input";
import { regulatoryLines } from "@/lib/domain/cda/cda-regulatory";
import { AppError } from "@/lib/domain/errors";
import { insForOutgoing } from "@/lib/domain/identity/ins-status";
import { performedExamTitle, reportDocumentText, wasInjected } from "@/lib/domain/reports/report-document";
import { regulatorySection } from "@/lib/domain/reports/regulatory-block";
import type { Db, Tx } from "../../db/client";
import { documentTitleFor } from "../../reports/report-pdf-input";

/**
 * The CDA R2 imaging report (CI-SIS IMG-CR-IMG) of one signed version, from stored, immutable
 * columns only: each build of a version gives the same bytes, so the ORU^R01 that embeds it and
 * a later download carry the same document. No access check and no audit here: callers (the
 * download route's service, the HL7 and FHIR senders) scope and audit. A draft or an unknown
 * version is NOT_FOUND.
 */
export async function buildCdaForVersion(db: Db | Tx, versionId: string): Promise<string> {
  const target = await db.reportVersion.findFirst({
    where: { id: versionId, signedAt: { not: null } },
    select: { id: true, sequence: true, requestId: true },
  });
  if (!target) throw new AppError("NOT_FOUND", "Report not found");

  const request = await db.readingRequest.findUniqueOrThrow({
    where: { id: target.requestId },
    select: {
      id: true, type: true, accessionNumber: true, siteAccessionNumber: true, placerOrderNumber: true, modality: true, bodyRegion: true,
      clinicalContext: true, clinicalQuestion: true, expertQuestion: true, priorResults: true, requestedTechnique: true,
      patientFamilyName: true, patientGivenName: true, patientBirthDate: true, patientSex: true, sitePatientId: true, sitePatientIdIssuer: true,
      patientIns: true, patientInsStatus: true, contrastInjection: true, examPerformedAt: true, performedTechnique: true, doseReport: true,
      orderingProvider: true,
      site: { select: { code: true, name: true } },
      requester: { select: { displayName: true } },
      // Only studies confirmed as this patient's: one awaiting confirmation may be someone else's.
      studies: { where: { linkState: "LINKED" }, select: { studyInstanceUid: true }, orderBy: { receivedAt: "asc" } },
      reports: {
        where: { signedAt: { not: null }, sequence: { lte: target.sequence } },
        orderBy: { sequence: "asc" },
        select: {
          id: true, kind: true, sequence: true, narrative: true, conclusion: true, signerName: true, signedAt: true, values: true,
          signedBy: { select: { id: true, rpps: true } },
          template: { select: { title: true, purpose: true } },
        },
      },
    },
  });

  const versions = request.reports;
  const current = versions[versions.length - 1];
  const original = versions[0];
  if (!current || !original || current.id !== target.id) throw new AppError("NOT_FOUND", "Report not found");
  const previous = versions.length > 1 ? versions[versions.length - 2] : undefined;
  const injected = wasInjected(original.values, request.contrastInjection);
  const examTitle = performedExamTitle(original.template.title, injected);
  const regulatory = regulatoryLines(request.modality, original.values, request.contrastInjection);
  const purpose = original.template.purpose;

  const input: CdaInput = {
    document: {
      versionId: current.id,
      setId: request.id,
      sequence: current.sequence,
      kind: current.kind,
      replacesVersionId: previous?.id ?? null,
      title: `${documentTitleFor(purpose)} - ${examTitle}`,
      signedAt: current.signedAt!,
    },
    patient: {
      familyName: request.patientFamilyName,
      givenName: request.patientGivenName,
      birthDate: request.patientBirthDate,
      sex: request.patientSex,
      sitePatientId: request.sitePatientId,
      sitePatientIdIssuer: request.sitePatientIdIssuer,
      ins: insForOutgoing(request),
    },
    site: request.site,
    signer: { name: current.signerName ?? "", rpps: current.signedBy?.rpps ?? null, userId: current.signedBy?.id ?? "" },
    order: {
      requestId: request.id,
      placerOrderNumber: request.placerOrderNumber,
      accessionNumber: request.accessionNumber,
      siteAccessionNumber: request.siteAccessionNumber,
      // An order from the RIS names its physician (ORC-12); the account it is filed under does not.
      requesterName: request.orderingProvider ?? request.requester.displayName,
    },
    exam: {
      modality: request.modality,
      bodyRegion: request.bodyRegion,
      examTitle,
      performedAt: request.examPerformedAt,
      studyInstanceUids: request.studies.map((study) => study.studyInstanceUid),
    },
    clinical: {
      clinicalContext: request.clinicalContext,
      clinicalQuestion: request.clinicalQuestion,
      expertQuestion: request.expertQuestion,
      priorResults: request.priorResults,
      requestedTechnique: request.requestedTechnique,
    },
    technique: { performedTechnique: request.performedTechnique, doseReport: request.doseReport, regulatory: regulatory.lines, dose: regulatory.dose },
    versions: versions.map((version) => {
      const text = reportDocumentText(withoutRegulatoryBlock(version.narrative ?? "", request.modality), version.conclusion ?? "");
      return { kind: version.kind, sequence: version.sequence, ...text, signerName: version.signerName ?? "", signedAt: version.signedAt! };
    }),
  };
  return buildCdaDocument(input);
}

/** The signed narrative without the regulatory block's paragraph: the CDA gives that block its own place (the procedure section). */
function withoutRegulatoryBlock(narrative: string, modality: Modality): string {
  const heading = regulatorySection(modality).title;
  return narrative
    .split(/\n{2,}/)
    .filter((block) => block.split("\n")[0]?.trim() !== heading)
    .join("\n\n");
}

import type { Modality, ReportVersionKind, RequestType, Sex, TemplatePurpose } from "@/lib/domain/enums";

// Everything the signed report's PDF prints, as plain data: the renderer reads nothing else
// (no clock, no database), which is what makes two renders of the same versions identical.

export interface ReportPdfInput {
  /** "Compte rendu", or "Avis de téléexpertise" for an opinion (documentTitleFor). */
  documentTitle: string;
  letterhead: { siteName: string; siteCode: string };
  patient: {
    familyName: string;
    givenName: string;
    /** A calendar date (the column is a DATE): read in UTC. */
    birthDate: Date;
    sex: Sex;
    sitePatientId: string;
    ins: string | null;
  };
  request: {
    type: RequestType;
    accessionNumber: string;
    modality: Modality;
    bodyRegion: string;
    requesterName: string;
    submittedAt: Date;
    clinicalQuestion: string;
    /** The question put to the expert (téléexpertise only). */
    expertQuestion: string | null;
  };
  /** Signed versions, oldest first: the original, then its addenda. At least one. */
  versions: ReportPdfVersion[];
}

export interface ReportPdfVersion {
  kind: ReportVersionKind;
  sequence: number;
  /** The template's title with the injection wording of the act performed (performedExamTitle). */
  examTitle: string;
  /** As signed: report-document.ts takes the conclusion and the statement out of it for print. */
  narrative: string;
  conclusion: string;
  signerName: string;
  signedAt: Date;
  fingerprint: string;
}

export function documentTitleFor(purpose: TemplatePurpose): string {
  return purpose === "OPINION" ? "Avis de téléexpertise" : "Compte rendu";
}

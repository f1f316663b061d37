import type { Modality, ReportVersionKind, Sex } from "../enums";

// Everything the CDA of one signed version says, as plain data: the builder reads nothing else
// (no clock, no database), so the same version always gives the same document.

export interface CdaInput {
  document: {
    /** The signed version's id: the document's id. */
    versionId: string;
    /** Constant across a report's versions (the request's id): the document's setId. */
    setId: string;
    sequence: number;
    kind: ReportVersionKind;
    /** The version this one replaces (an addendum replaces the version signed before it). */
    replacesVersionId: string | null;
    /** "Compte rendu" or "Avis de téléexpertise", then the exam. */
    title: string;
    signedAt: Date;
  };
  patient: {
    familyName: string;
    givenName: string;
    /** A calendar date (the column is a DATE): read in UTC. */
    birthDate: Date;
    sex: Sex;
    sitePatientId: string;
    sitePatientIdIssuer: string | null;
    /** Already filtered: only a qualified identity's INS (insForOutgoing), else null. */
    ins: string | null;
  };
  site: { code: string; name: string };
  signer: { name: string; rpps: string | null; userId: string };
  order: {
    requestId: string;
    placerOrderNumber: string | null;
    accessionNumber: string;
    siteAccessionNumber: string | null;
    requesterName: string;
  };
  exam: {
    modality: Modality;
    bodyRegion: string;
    /** The exam as performed (template title with the injection wording). */
    examTitle: string;
    performedAt: Date | null;
    studyInstanceUids: string[];
  };
  clinical: {
    clinicalContext: string;
    clinicalQuestion: string;
    expertQuestion: string | null;
    priorResults: string | null;
    requestedTechnique: string | null;
  };
  technique: {
    performedTechnique: string | null;
    /** The dose summary the site's RIS sent after the exam (OMI^O23), as text. */
    doseReport: string | null;
    /** The regulatory block's lines as signed ("Justification de l'acte : …"). */
    regulatory: string[];
    /** The dose line(s) among them, repeated in the radiation exposure section. */
    dose: string[];
  };
  /** The original report, then each addendum, as signed (conclusion and statement apart). */
  versions: CdaVersionText[];
}

export interface CdaVersionText {
  kind: ReportVersionKind;
  sequence: number;
  body: string;
  conclusion: string;
  statement: string | null;
  signerName: string;
  signedAt: Date;
}

import { localDicomDateTime } from "../modality-worklist/worklist-item";

// What a signed report's DICOM document (Encapsulated PDF or Basic Text SR) is made of, as the
// server loads it. The patient and study come from the study AS THE PACS KNOWS IT (the
// DicomStudy row, received from the site's modality or PACS), never from the request form: the
// PACS files the document by these attributes, and a spelling of the name that differs from
// its own would file it under another patient.

export const ENCAPSULATED_PDF_STORAGE = "1.2.840.10008.5.1.4.1.1.104.1";
export const BASIC_TEXT_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.11";

/** LOINC 18748-4 "Diagnostic imaging study": the report's document kind (as in the CDA CR-IMG). */
export const DIAGNOSTIC_IMAGING_REPORT = { CodeValue: "18748-4", CodingSchemeDesignator: "LN", CodeMeaning: "Diagnostic imaging study" } as const;

export interface PacsStudyIdentity {
  studyInstanceUid: string;
  patientName: string;
  patientId: string;
  issuerOfPatientId: string | null;
  patientBirthDate: string | null;
  patientSex: string | null;
  studyDate: string | null;
  studyTime: string | null;
  accessionNumber: string | null;
  studyId: string | null;
  studyDescription: string | null;
  referringPhysicianName: string | null;
}

export interface ReportInstanceRef {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
}

export interface ReportDocumentInput {
  study: PacsStudyIdentity;
  /** Generated once when the export was queued: a retry stores the same instance again. */
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** The version's sequence (0 = the original, 1… = addenda n° 1…): a new series per version. */
  sequence: number;
  /** "Compte rendu" or "Avis de téléexpertise", with the exam: DocumentTitle and SeriesDescription. */
  title: string;
  signedAt: Date;
  signer: { name: string; rpps: string | null };
  /** The platform, as the document's author institution and equipment. */
  institutionName: string;
  /** For an addendum: the previous version's instance at the same destination, in the same format. */
  predecessor: ReportInstanceRef | null;
}

/** Report series numbers start high so that they never clash with the modality's own (1, 2, …). */
export const REPORT_SERIES_NUMBER_BASE = 9000;

/**
 * The attributes both documents share: Patient, General Study, the series and equipment, SOP
 * Common (PS3.3 A.35.1, A.45.1). Naturalized dcmjs keywords. UTF-8 (ISO_IR 192): names and the
 * report are French.
 */
export function commonReportAttributes(input: ReportDocumentInput, sopClassUid: string, modality: "DOC" | "SR"): Record<string, unknown> {
  const { study } = input;
  const { date, time } = localDicomDateTime(input.signedAt);
  return {
    SpecificCharacterSet: "ISO_IR 192",
    SOPClassUID: sopClassUid,
    SOPInstanceUID: input.sopInstanceUid,
    InstanceCreationDate: date,
    InstanceCreationTime: time,
    // Patient module, as the PACS has it.
    PatientName: study.patientName ? [{ Alphabetic: study.patientName }] : "",
    PatientID: study.patientId,
    ...(study.issuerOfPatientId ? { IssuerOfPatientID: study.issuerOfPatientId } : {}),
    PatientBirthDate: study.patientBirthDate ?? "",
    PatientSex: study.patientSex && ["M", "F", "O"].includes(study.patientSex) ? study.patientSex : "",
    // General Study module: the study the document belongs to.
    StudyInstanceUID: study.studyInstanceUid,
    StudyDate: study.studyDate ?? "",
    StudyTime: study.studyTime ?? "",
    ReferringPhysicianName: study.referringPhysicianName ? [{ Alphabetic: study.referringPhysicianName }] : "",
    StudyID: study.studyId ?? "",
    AccessionNumber: study.accessionNumber ?? "",
    ...(study.studyDescription ? { StudyDescription: study.studyDescription } : {}),
    // The series of this version.
    Modality: modality,
    SeriesInstanceUID: input.seriesInstanceUid,
    SeriesNumber: REPORT_SERIES_NUMBER_BASE + input.sequence + 1,
    SeriesDescription: fit(input.title, 64),
    SeriesDate: date,
    SeriesTime: time,
    InstanceNumber: 1,
    // General Equipment.
    Manufacturer: fit(input.institutionName, 64),
    InstitutionName: fit(input.institutionName, 64),
    ContentDate: date,
    ContentTime: time,
  };
}

/** A value cut to its VR's length (in characters), on one line, without the value separator. */
export function fit(value: string, max: number): string {
  const clean = value.replace(/[\\\r\n\t]/g, " ").replace(/\s+/g, " ").trim();
  const chars = [...clean];
  return chars.length <= max ? clean : chars.slice(0, max).join("");
}

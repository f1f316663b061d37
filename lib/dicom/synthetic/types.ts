import { type SyntheticTransferSyntax } from "./write-part10";

export interface SyntheticPatient {
  familyName: string;
  givenName: string;
  /** YYYYMMDD */
  birthDate: string;
  sex: "F" | "M" | "O";
  patientId: string;
}

export interface SyntheticStudyOptions {
  /** Everything (UIDs, dates, noise) derives from it: the same seed gives byte-identical files. */
  seed: string;
  patient: SyntheticPatient;
  /** (0008,0050); empty when absent. */
  accessionNumber?: string;
  /** YYYYMMDD; derived from the seed when absent. */
  studyDate?: string;
  institutionName?: string;
}

export interface SyntheticInstance {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  studyInstanceUid: string;
  /** e.g. "CT000012.dcm" */
  fileName: string;
  /** A complete DICOM Part 10 file. */
  bytes: Uint8Array;
}

export type { SyntheticTransferSyntax };

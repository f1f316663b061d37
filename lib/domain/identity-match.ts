import type { Sex } from "./enums";
import { isGenericPatientId } from "./generic-patient-id";

// Does the patient named in the DICOM headers look like the request's patient? A mismatch
// does not block the link, but it must be confirmed by a person with a reason (a wrong
// patient's images read and reported is the error teleradiology fears most). The site's
// patient ID (IPP) is compared too: a namesake born the same day has another IPP.

export interface RequestIdentity {
  /** The site's patient identifier (IPP) written on the request. */
  sitePatientId: string;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

export interface DicomIdentity {
  /** LO, Patient ID (0010,0020) as received; empty when the modality sent none. */
  patientId: string;
  /** PN, "Family^Given^Middle^Prefix^Suffix" */
  name: string;
  /** DA, YYYYMMDD */
  birthDate: string | null;
  /** CS: M, F, O or empty */
  sex: string | null;
}

export type IdentityField = "sitePatientId" | "familyName" | "givenName" | "birthDate" | "sex";

export interface IdentityMismatch {
  field: IdentityField;
  request: string;
  dicom: string;
}

const DICOM_SEX: Record<Sex, string | null> = { FEMALE: "F", MALE: "M", OTHER: "O", UNKNOWN: null };

/**
 * The fields that differ. Names compare without case, accents, spaces or hyphens; the IPP
 * trimmed and without case. An empty DICOM Patient ID is a mismatch: nothing says whose it is.
 */
export function compareIdentity(request: RequestIdentity, dicom: DicomIdentity): IdentityMismatch[] {
  const [family = "", given = ""] = (dicom.name.split("=")[0] ?? "").split("^");
  const mismatches: IdentityMismatch[] = [];
  const dicomId = dicom.patientId.trim();
  // A generic ID ("UNKNOWN", "0"…) names nobody, even when the request carries the same one.
  if (isGenericPatientId(dicomId) || dicomId.toUpperCase() !== request.sitePatientId.trim().toUpperCase()) {
    mismatches.push({ field: "sitePatientId", request: request.sitePatientId.trim(), dicom: dicomId });
  }
  if (normalizeName(family) !== normalizeName(request.familyName)) {
    mismatches.push({ field: "familyName", request: request.familyName, dicom: family });
  }
  if (normalizeName(given) !== normalizeName(request.givenName)) {
    mismatches.push({ field: "givenName", request: request.givenName, dicom: given });
  }
  const requestBirth = request.birthDate.replaceAll("-", "");
  if ((dicom.birthDate ?? "") !== requestBirth) {
    mismatches.push({ field: "birthDate", request: request.birthDate, dicom: dicom.birthDate ?? "" });
  }
  const expectedSex = DICOM_SEX[request.sex];
  const dicomSex = (dicom.sex ?? "").trim().toUpperCase();
  if (expectedSex !== null && dicomSex !== expectedSex) {
    mismatches.push({ field: "sex", request: request.sex, dicom: dicomSex });
  }
  return mismatches;
}

export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

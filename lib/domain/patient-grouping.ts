import { isGenericPatientId } from "./generic-patient-id";
import { normalizeName } from "./identity-match";

// Which studies of a site are the same patient. Grouping two people under one record puts a
// stranger's name on a study, so the rule errs towards keeping studies apart: a study joins
// another only when the Patient ID and its issuer agree AND the identities are consistent.

export interface ReceivedIdentity {
  patientId: string;
  issuer: string | null;
  /** PN, "Family^Given^..." as decoded from the file (first component group: alphabetic). */
  name: string;
  birthDate: string | null;
  sex: string | null;
}

/** The key studies group under: the ID with its issuer, or the study alone. */
export function patientGroupKey(identity: ReceivedIdentity, studyInstanceUid: string): string {
  if (isGenericPatientId(identity.patientId)) return studyOnlyGroupKey(studyInstanceUid);
  return `id:${(identity.issuer ?? "").trim()}:${identity.patientId.trim()}`;
}

export function studyOnlyGroupKey(studyInstanceUid: string): string {
  return `study:${studyInstanceUid}`;
}

/**
 * Same person? Names compare without case, accents, spaces or hyphens, on family and given
 * names; birth date and sex must agree when both sides have one. An empty name never matches
 * a non-empty one.
 */
export function isConsistentIdentity(a: ReceivedIdentity, b: ReceivedIdentity): boolean {
  if (personKey(a.name) !== personKey(b.name)) return false;
  if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) return false;
  const sexA = (a.sex ?? "").trim().toUpperCase();
  const sexB = (b.sex ?? "").trim().toUpperCase();
  if (sexA && sexB && sexA !== sexB) return false;
  return true;
}

function personKey(name: string): string {
  const alphabetic = name.split("=")[0] ?? "";
  const [family = "", given = ""] = alphabetic.split("^");
  return `${normalizeName(family)}^${normalizeName(given)}`;
}

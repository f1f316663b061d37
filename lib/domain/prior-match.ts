import type { Sex } from "./enums";
import { normalizeName } from "./identity-match";
import type { PriorMatch } from "./viewer-opening";

// Is another request's patient the same person as this one's? Priors are read side by side
// with the current images: a wrong patient's prior misleads the reading, a missed one only
// costs a comparison. So the qualified identifier decides when both sides have it, and the
// traits are a fallback the viewer flags as unqualified.

export interface PatientIdentity {
  /** National health identifier (INS), when the site had it. */
  ins: string | null;
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

export function matchPrior(current: PatientIdentity, candidate: PatientIdentity): PriorMatch | null {
  if (current.ins !== null && candidate.ins !== null) {
    // Two INS that differ are two people, however alike their names (namesakes born the same day).
    return current.ins === candidate.ins ? "INS" : null;
  }
  const family = normalizeName(current.familyName);
  const given = normalizeName(current.givenName);
  if (family === "" || given === "") return null;
  const same =
    family === normalizeName(candidate.familyName) &&
    given === normalizeName(candidate.givenName) &&
    current.birthDate === candidate.birthDate &&
    current.sex === candidate.sex;
  return same ? "TRAITS" : null;
}

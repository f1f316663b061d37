import "server-only";
import type { PatientIdentity } from "@/lib/domain/prior-match";
import type { Sex } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

// The columns of a request that say who its patient is, and their pure form for prior-match.

export const requestIdentitySelect = {
  patientIns: true,
  patientFamilyName: true,
  patientGivenName: true,
  patientBirthDate: true,
  patientSex: true,
} as const;

export interface RequestIdentityRow {
  patientIns: string | null;
  patientFamilyName: string;
  patientGivenName: string;
  patientBirthDate: Date;
  patientSex: Sex;
}

export function toPatientIdentity(row: RequestIdentityRow): PatientIdentity {
  return {
    ins: row.patientIns,
    familyName: row.patientFamilyName,
    givenName: row.patientGivenName,
    // A DATE column comes back as UTC midnight.
    birthDate: row.patientBirthDate.toISOString().slice(0, 10),
    sex: row.patientSex,
  };
}

/** The other requests that may be the same patient: same birth date, or same INS (a mistyped birth date). Filter them with matchPrior. */
export function samePatientCandidatesWhere(row: RequestIdentityRow): Prisma.ReadingRequestWhereInput {
  return { OR: [{ patientBirthDate: row.patientBirthDate }, ...(row.patientIns ? [{ patientIns: row.patientIns }] : [])] };
}

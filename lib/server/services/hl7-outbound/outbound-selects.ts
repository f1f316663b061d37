import "server-only";
import type { OutboundPatient } from "@/lib/domain/hl7/outbound/outbound-segments";

/** The request's columns PID is built from (both ORU^R01 kinds). */
export const OUTBOUND_PATIENT_SELECT = {
  patientFamilyName: true,
  patientGivenName: true,
  patientBirthDate: true,
  patientSex: true,
  sitePatientId: true,
  sitePatientIdIssuer: true,
  patientIns: true,
  patientInsStatus: true,
} as const;

/** The RIS interface's columns that decide whether, where and to whom a message goes. */
export const OUTBOUND_INTERFACE_SELECT = { id: true, active: true, outboundHost: true, outboundPort: true, receivingApplication: true, receivingFacility: true, serviceUserId: true } as const;

/** PID's input from the selected columns (the INS rule is the builder's: only a qualified identity's leaves). */
export function outboundPatientOf(request: {
  patientFamilyName: string;
  patientGivenName: string;
  patientBirthDate: Date;
  patientSex: OutboundPatient["sex"];
  sitePatientId: string;
  sitePatientIdIssuer: string | null;
  patientIns: string | null;
  patientInsStatus: OutboundPatient["insStatus"];
}): OutboundPatient {
  return {
    familyName: request.patientFamilyName,
    givenName: request.patientGivenName,
    birthDate: request.patientBirthDate,
    sex: request.patientSex,
    sitePatientId: request.sitePatientId,
    sitePatientIdIssuer: request.sitePatientIdIssuer,
    ins: request.patientIns,
    insStatus: request.patientInsStatus,
  };
}

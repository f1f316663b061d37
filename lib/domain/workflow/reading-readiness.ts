import type { PatientInformationPolicy, RequestType } from "../enums";

// What must be true before a télédiagnostic is read, beyond the state machine: under the
// site's policy, the patient was told the act is remote (and did not object). Reading itself
// comes with the reporting issue, whose start-of-reading service calls this guard.

export type ReadingBlocker = "PATIENT_NOT_INFORMED";

export function readingBlocker(request: {
  type: RequestType;
  policy: PatientInformationPolicy;
  patientInformedAt: Date | null;
}): ReadingBlocker | null {
  if (request.type === "TELEDIAGNOSTIC" && request.policy === "REQUIRED" && request.patientInformedAt === null) return "PATIENT_NOT_INFORMED";
  return null;
}

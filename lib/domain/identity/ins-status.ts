// The identity's reliability (INS referential, IHE PAM-FR): only a qualified identity (retrieved
// from the INSi service and checked against an identity document) may carry the INS outside the
// product. PID-32 carries the status as the codes of the French table 0445.

export const INS_STATUSES = ["PROVISIONAL", "RETRIEVED", "VALIDATED", "QUALIFIED"] as const;
export type InsStatus = (typeof INS_STATUSES)[number];

const PID32_CODES: Record<InsStatus, string> = {
  PROVISIONAL: "PROV",
  RETRIEVED: "RECUP",
  VALIDATED: "VALI",
  QUALIFIED: "QUAL",
};

/** The PID-32 code of a status. */
export function insStatusCode(status: InsStatus): string {
  return PID32_CODES[status];
}

/** The status a PID-32 code names, or null for an unknown or empty code. */
export function insStatusFromCode(code: string): InsStatus | null {
  const wanted = code.trim().toUpperCase();
  for (const status of INS_STATUSES) if (PID32_CODES[status] === wanted) return status;
  return null;
}

/**
 * The INS an outgoing message or image may carry: only a qualified identity's. A request made
 * before the status was kept (null) counts as not qualified.
 */
export function insForOutgoing(identity: { patientIns: string | null; patientInsStatus: InsStatus | null }): string | null {
  return identity.patientInsStatus === "QUALIFIED" && identity.patientIns ? identity.patientIns : null;
}

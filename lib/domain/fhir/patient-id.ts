import { createHash } from "node:crypto";

// A Patient resource is the patient as one site knows them: the site and its IPP (the site's
// patient identifier). The product keeps no patient table (each request carries the identity
// the site gave), so the id is derived: SHA-256 of "siteId|IPP" in hex, 64 characters, the
// most a FHIR id allows. The same site and IPP always give the same id; the id tells nothing
// of the patient (an IPP cannot be read back from it); two sites' IPPs never collide.

export function patientIdOf(siteId: string, sitePatientId: string): string {
  return createHash("sha256").update(`${siteId}|${sitePatientId}`, "utf8").digest("hex");
}

export const PATIENT_ID = /^[0-9a-f]{64}$/;

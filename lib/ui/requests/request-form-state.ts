import type { SubmitRequestInput } from "@/lib/domain/submit-request-schema";

// The form keeps flat string values keyed by the schema's dotted paths ("patient.familyName"),
// the same paths zod reports errors on, on the client and from the server alike.
export type FormValues = Record<string, string>;

export const INITIAL_VALUES: FormValues = { type: "TELEDIAGNOSTIC" };

export function toSubmitInput(values: FormValues, idempotencyKey: string): SubmitRequestInput {
  const v = (key: string) => values[key] ?? "";
  const common = {
    idempotencyKey,
    priority: v("priority"),
    patient: {
      familyName: v("patient.familyName"),
      givenName: v("patient.givenName"),
      birthDate: v("patient.birthDate"),
      sex: v("patient.sex"),
      sitePatientId: v("patient.sitePatientId"),
      ins: v("patient.ins"),
      insStatus: v("patient.insStatus"),
    },
    modality: v("modality"),
    bodyRegion: v("bodyRegion"),
    siteAccessionNumber: v("siteAccessionNumber"),
    clinicalContext: v("clinicalContext"),
    clinicalQuestion: v("clinicalQuestion"),
    requiredSubspecialty: v("requiredSubspecialty"),
    priorResults: v("priorResults"),
    requestedTechnique: v("requestedTechnique"),
    desiredDelay: v("desiredDelay"),
  };
  // Values are checked by the schema; the casts only hand raw strings to it.
  if (v("type") === "TELEEXPERTISE") {
    return { ...common, type: "TELEEXPERTISE", expertQuestion: v("expertQuestion") } as unknown as SubmitRequestInput;
  }
  return {
    ...common,
    type: "TELEDIAGNOSTIC",
    patientInformed: v("patientInformed") === "true",
    otherContraindications: v("otherContraindications"),
    contrast: {
      renalFunction: v("contrast.renalFunction"),
      egfr: v("contrast.egfr"),
      contrastAllergy: v("contrast.contrastAllergy"),
      pregnancy: v("contrast.pregnancy"),
      metformin: v("contrast.metformin"),
    },
  } as unknown as SubmitRequestInput;
}

/** A fresh idempotency key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

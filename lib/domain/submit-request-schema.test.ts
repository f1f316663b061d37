import { describe, expect, it } from "vitest";
import { submitRequestSchema } from "./submit-request-schema";

const valid = {
  idempotencyKey: "0123456789abcdef",
  type: "TELEDIAGNOSTIC",
  priority: "VITAL",
  patient: { familyName: "Durand", givenName: "Louise", birthDate: "1950-03-02", sex: "FEMALE", sitePatientId: "IPP123", ins: "" },
  modality: "CT",
  bodyRegion: "Encéphale",
  clinicalContext: "Déficit brachio-facial gauche depuis 45 min",
  clinicalQuestion: "AVC ischémique ?",
  contrast: { renalFunction: "NORMAL", egfr: "", contrastAllergy: "NO", pregnancy: "NOT_APPLICABLE", metformin: "NO" },
};

function fieldErrors(input: unknown): Record<string, string> {
  const result = submitRequestSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  // First issue per field, as the form shows it.
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("submit request schema", () => {
  it("accepts a complete télédiagnostic and treats empty optional fields as absent", () => {
    const result = submitRequestSchema.parse(valid);
    expect(result.type).toBe("TELEDIAGNOSTIC");
    expect(result.patient.ins).toBeUndefined();
    if (result.type === "TELEDIAGNOSTIC") expect(result.contrast.egfr).toBeUndefined();
  });

  it("keeps the identity status and the optional order details, and refuses an unknown status", () => {
    const result = submitRequestSchema.parse({
      ...valid,
      patient: { ...valid.patient, ins: "2 55 08 2B 012 345 22", insStatus: "QUALIFIED" },
      priorResults: "  Créatinine 80 µmol/L (hier)  ",
      requestedTechnique: "",
      otherContraindications: "Pacemaker IRM-compatible",
    });
    expect(result.patient).toMatchObject({ ins: "255082B01234522", insStatus: "QUALIFIED" });
    expect(result.priorResults).toBe("Créatinine 80 µmol/L (hier)");
    expect(result.requestedTechnique).toBeUndefined();
    if (result.type === "TELEDIAGNOSTIC") expect(result.otherContraindications).toBe("Pacemaker IRM-compatible");
    expect(fieldErrors({ ...valid, patient: { ...valid.patient, insStatus: "CERTIFIED" } })["patient.insStatus"]).toBe("validation.choose");
    expect(fieldErrors({ ...valid, desiredDelay: "x".repeat(201) }).desiredDelay).toBe("validation.tooLong");
  });

  it("reports missing fields one by one with catalogue keys", () => {
    const errors = fieldErrors({ ...valid, patient: { ...valid.patient, familyName: "  ", birthDate: "" }, modality: "" });
    expect(errors["patient.familyName"]).toBe("validation.required");
    expect(errors["patient.birthDate"]).toBe("validation.required");
    expect(errors.modality).toBe("validation.choose");
  });

  it("requires the contrast safety items for a télédiagnostic", () => {
    const errors = fieldErrors({ ...valid, contrast: { ...valid.contrast, contrastAllergy: "", metformin: undefined } });
    expect(errors["contrast.contrastAllergy"]).toBe("validation.choose");
    expect(errors["contrast.metformin"]).toBe("validation.choose");
  });

  it("requires the expert question for a téléexpertise", () => {
    const { contrast: _contrast, ...rest } = valid;
    const errors = fieldErrors({ ...rest, type: "TELEEXPERTISE" });
    expect(errors.expertQuestion).toBe("validation.required");
    expect(submitRequestSchema.safeParse({ ...rest, type: "TELEEXPERTISE", expertQuestion: "Lésion évolutive ?" }).success).toBe(true);
  });

  it("refuses texts over the limits, birth dates in the future and malformed INS", () => {
    const errors = fieldErrors({
      ...valid,
      clinicalContext: "x".repeat(4001),
      patient: { ...valid.patient, birthDate: "2999-01-01", ins: "12345" },
    });
    expect(errors.clinicalContext).toBe("validation.tooLong");
    expect(errors["patient.birthDate"]).toBe("validation.dateInFuture");
    expect(errors["patient.ins"]).toBe("validation.ins");
  });

  it("accepts an INS whose key matches, Corsican departments included, typed with spaces", () => {
    // 1 50 03 2A 123 456: 2A counts as 19, 1500319123456 mod 97 = 30, key 97 − 30 = 67.
    expect(submitRequestSchema.parse({ ...valid, patient: { ...valid.patient, ins: "150032A12345667" } }).patient.ins).toBe("150032A12345667");
    expect(submitRequestSchema.parse({ ...valid, patient: { ...valid.patient, ins: "2 55 08 14 168 025 38" } }).patient.ins).toBe("255081416802538");
  });

  it("refuses an INS whose key does not match its number, with its own message", () => {
    expect(fieldErrors({ ...valid, patient: { ...valid.patient, ins: "255081416802539" } })["patient.ins"]).toBe("validation.insKey");
    // The key of 2A computed as if it were 20 is wrong.
    expect(fieldErrors({ ...valid, patient: { ...valid.patient, ins: "150032A12345640" } })["patient.ins"]).toBe("validation.insKey");
  });

  it("refuses an unknown request type and wrong value types", () => {
    expect(submitRequestSchema.safeParse({ ...valid, type: "OTHER" }).success).toBe(false);
    expect(submitRequestSchema.safeParse({ ...valid, priority: 3 }).success).toBe(false);
    expect(submitRequestSchema.safeParse({ ...valid, patient: "Durand" }).success).toBe(false);
  });
});

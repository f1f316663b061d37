import { describe, expect, it } from "vitest";
import { readingBlocker } from "./reading-readiness";

describe("readiness to read", () => {
  it("blocks a télédiagnostic whose site requires the patient's information until it is recorded", () => {
    expect(readingBlocker({ type: "TELEDIAGNOSTIC", policy: "REQUIRED", patientInformedAt: null })).toBe("PATIENT_NOT_INFORMED");
    expect(readingBlocker({ type: "TELEDIAGNOSTIC", policy: "REQUIRED", patientInformedAt: new Date() })).toBeNull();
    expect(readingBlocker({ type: "TELEDIAGNOSTIC", policy: "NOT_REQUIRED", patientInformedAt: null })).toBeNull();
    expect(readingBlocker({ type: "TELEEXPERTISE", policy: "REQUIRED", patientInformedAt: null })).toBeNull();
  });
});

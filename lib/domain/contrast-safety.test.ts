import { describe, expect, it } from "vitest";
import { checkContrastDecision, contrastFindings, type ContrastSafetyItems } from "./contrast-safety";

const safe: ContrastSafetyItems = { renalFunction: "NORMAL", egfr: 90, contrastAllergy: "NO", pregnancy: "NOT_PREGNANT", metformin: "NO" };

describe("contrast safety check", () => {
  it("finds nothing for a patient with normal renal function, no allergy, not pregnant, no metformin", () => {
    expect(contrastFindings(safe)).toEqual([]);
    expect(checkContrastDecision(safe, true, null)).toEqual({ ok: true, findings: [] });
  });

  it("classifies renal function by eGFR first, then by the declared function", () => {
    expect(contrastFindings({ ...safe, egfr: 25 })).toEqual([{ code: "RENAL_SEVERE", severity: "contraindication" }]);
    expect(contrastFindings({ ...safe, egfr: 40 })).toEqual([{ code: "RENAL_IMPAIRED", severity: "caution" }]);
    expect(contrastFindings({ ...safe, egfr: null, renalFunction: "SEVERELY_IMPAIRED" })).toEqual([{ code: "RENAL_SEVERE", severity: "contraindication" }]);
    expect(contrastFindings({ ...safe, egfr: null, renalFunction: "UNKNOWN" })).toEqual([{ code: "RENAL_UNKNOWN", severity: "caution" }]);
  });

  it("flags allergy, pregnancy and metformin with severe renal impairment as contraindications", () => {
    const codes = contrastFindings({ renalFunction: "SEVERELY_IMPAIRED", egfr: 20, contrastAllergy: "YES", pregnancy: "PREGNANT", metformin: "YES" });
    expect(codes.filter((f) => f.severity === "contraindication").map((f) => f.code)).toEqual(["RENAL_SEVERE", "ALLERGY", "PREGNANT", "METFORMIN_RENAL"]);
  });

  it("only cautions for unknown allergy, possible pregnancy and metformin with normal kidneys", () => {
    const findings = contrastFindings({ ...safe, contrastAllergy: "UNKNOWN", pregnancy: "POSSIBLE", metformin: "YES" });
    expect(findings.every((f) => f.severity === "caution")).toBe(true);
    expect(findings.map((f) => f.code)).toEqual(["ALLERGY_UNKNOWN", "PREGNANCY_POSSIBLE", "METFORMIN"]);
  });

  it("refuses an injection with a contraindication unless a reason is written", () => {
    const allergic = { ...safe, contrastAllergy: "YES" as const };
    expect(checkContrastDecision(allergic, true, null)).toMatchObject({ ok: false, contraindications: ["ALLERGY"] });
    expect(checkContrastDecision(allergic, true, "   ")).toMatchObject({ ok: false });
    expect(checkContrastDecision(allergic, true, "Prémédication faite, bénéfice vital")).toMatchObject({ ok: true });
  });

  it("never blocks a protocol without injection", () => {
    expect(checkContrastDecision({ ...safe, egfr: 10, contrastAllergy: "YES" }, false, null)).toEqual({ ok: true, findings: [] });
  });
});

import { describe, expect, it } from "vitest";
import { compareIdentity } from "./identity-match";

const request = { sitePatientId: "SAL-0412", familyName: "Lefèvre-Dupont", givenName: "Hélène", birthDate: "1948-07-14", sex: "FEMALE" as const };
const dicom = { patientId: "SAL-0412", name: "LEFEVRE DUPONT^HELENE", birthDate: "19480714", sex: "F" };

describe("identity match", () => {
  it("accepts the same patient written the DICOM way (case, accents, hyphens, IPP case and padding)", () => {
    expect(compareIdentity(request, dicom)).toEqual([]);
    expect(compareIdentity(request, { ...dicom, patientId: " sal-0412 " })).toEqual([]);
  });

  it("names each field that differs", () => {
    const mismatches = compareIdentity(request, { ...dicom, name: "MARTIN^HELENE", birthDate: "19480715", sex: "M" });
    expect(mismatches.map((m) => m.field)).toEqual(["familyName", "birthDate", "sex"]);
    expect(mismatches[0]).toEqual({ field: "familyName", request: "Lefèvre-Dupont", dicom: "MARTIN" });
  });

  it("treats a missing DICOM birth date as a mismatch, an unknown request sex as no constraint", () => {
    const fields = compareIdentity({ ...request, sex: "UNKNOWN" }, { ...dicom, name: "LEFEVRE-DUPONT^HELENE", birthDate: null, sex: "" }).map((m) => m.field);
    expect(fields).toEqual(["birthDate"]);
  });

  it("flags a namesake born the same day whose IPP differs", () => {
    expect(compareIdentity(request, { ...dicom, patientId: "SAL-0977" })).toEqual([{ field: "sitePatientId", request: "SAL-0412", dicom: "SAL-0977" }]);
  });

  it("treats an empty DICOM Patient ID as a mismatch, never as a match", () => {
    expect(compareIdentity(request, { ...dicom, patientId: "  " })).toEqual([{ field: "sitePatientId", request: "SAL-0412", dicom: "" }]);
  });

  it("never takes a generic Patient ID for the request's IPP, even when the request carries the same one", () => {
    const unknown = { ...request, sitePatientId: "UNKNOWN" };
    expect(compareIdentity(unknown, { ...dicom, patientId: "unknown" })).toEqual([{ field: "sitePatientId", request: "UNKNOWN", dicom: "unknown" }]);
  });

  it("compares the alphabetic group of a name that has ideographic and phonetic groups", () => {
    expect(compareIdentity(request, { ...dicom, name: "LEFEVRE-DUPONT^HELENE=ルフェーヴル^エレーヌ" })).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { compareIdentity } from "./identity-match";

const request = { familyName: "Lefèvre-Dupont", givenName: "Hélène", birthDate: "1948-07-14", sex: "FEMALE" as const };

describe("identity match", () => {
  it("accepts the same patient written the DICOM way (case, accents, hyphens)", () => {
    expect(compareIdentity(request, { name: "LEFEVRE DUPONT^HELENE", birthDate: "19480714", sex: "F" })).toEqual([]);
  });

  it("names each field that differs", () => {
    const mismatches = compareIdentity(request, { name: "MARTIN^HELENE", birthDate: "19480715", sex: "M" });
    expect(mismatches.map((m) => m.field)).toEqual(["familyName", "birthDate", "sex"]);
    expect(mismatches[0]).toEqual({ field: "familyName", request: "Lefèvre-Dupont", dicom: "MARTIN" });
  });

  it("treats a missing DICOM birth date as a mismatch, an unknown request sex as no constraint", () => {
    const fields = compareIdentity({ ...request, sex: "UNKNOWN" }, { name: "LEFEVRE-DUPONT^HELENE", birthDate: null, sex: "" }).map((m) => m.field);
    expect(fields).toEqual(["birthDate"]);
  });
});

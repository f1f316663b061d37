import { describe, expect, it } from "vitest";
import { isGenericPatientId } from "./generic-patient-id";
import { isConsistentIdentity, patientGroupKey, type ReceivedIdentity } from "./patient-grouping";

const martin: ReceivedIdentity = { patientId: "IPP123", issuer: "CHSAL", name: "MARTIN^Jeanne", birthDate: "19500101", sex: "F" };

describe("patient grouping", () => {
  it("never groups on an empty or generic Patient ID", () => {
    for (const id of ["", "  ", "0", "000000", "UNKNOWN", "anonymous", "N/A", "NA", "???", "-"]) {
      expect(isGenericPatientId(id)).toBe(true);
      expect(patientGroupKey({ ...martin, patientId: id }, "1.2.3")).toBe("study:1.2.3");
    }
    expect(patientGroupKey({ ...martin, patientId: "" }, "1.2.3")).not.toBe(patientGroupKey({ ...martin, patientId: "" }, "1.2.4"));
  });

  it("keys a usable ID with its issuer, so the same ID from two issuers is two people", () => {
    expect(patientGroupKey(martin, "1.2.3")).toBe("id:CHSAL:IPP123");
    expect(patientGroupKey({ ...martin, issuer: "CHVRN" }, "1.2.3")).not.toBe(patientGroupKey(martin, "1.2.3"));
    expect(patientGroupKey({ ...martin, issuer: null }, "1.2.3")).toBe("id::IPP123");
  });

  it("sees the same person through case, accents and missing traits", () => {
    expect(isConsistentIdentity(martin, { ...martin, name: "Martin^JEANNE^^^" })).toBe(true);
    expect(isConsistentIdentity(martin, { ...martin, name: "MARTIN^Jéanne" })).toBe(true);
    expect(isConsistentIdentity(martin, { ...martin, birthDate: null, sex: null })).toBe(true);
  });

  it("tells two people apart under one ID: another name, birth date or sex", () => {
    expect(isConsistentIdentity(martin, { ...martin, name: "DUPONT^Paul" })).toBe(false);
    expect(isConsistentIdentity(martin, { ...martin, name: "" })).toBe(false);
    expect(isConsistentIdentity(martin, { ...martin, birthDate: "19600101" })).toBe(false);
    expect(isConsistentIdentity(martin, { ...martin, sex: "M" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { insForOutgoing, insStatusCode, insStatusFromCode } from "./ins-status";

describe("INS status", () => {
  it("lets only a qualified identity's INS leave the product", () => {
    expect(insForOutgoing({ patientIns: "180017512345657", patientInsStatus: "QUALIFIED" })).toBe("180017512345657");
    for (const status of ["PROVISIONAL", "RETRIEVED", "VALIDATED", null] as const) {
      expect(insForOutgoing({ patientIns: "180017512345657", patientInsStatus: status })).toBeNull();
    }
    expect(insForOutgoing({ patientIns: null, patientInsStatus: "QUALIFIED" })).toBeNull();
  });

  it("reads and writes the PID-32 codes", () => {
    expect(insStatusFromCode(" qual ")).toBe("QUALIFIED");
    expect(insStatusFromCode("RECUP")).toBe("RETRIEVED");
    expect(insStatusFromCode("")).toBeNull();
    expect(insStatusFromCode("VALIDE")).toBeNull();
    expect(insStatusCode("VALIDATED")).toBe("VALI");
  });
});

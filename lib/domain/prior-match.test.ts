import { describe, expect, it } from "vitest";
import { matchPrior, type PatientIdentity } from "./prior-match";

const louise: PatientIdentity = { ins: null, familyName: "Dupont", givenName: "Louise", birthDate: "1950-03-02", sex: "FEMALE" };
const INS_A = "250039912345678";
const INS_B = "250039912345699";

describe("matching a prior to the current patient", () => {
  it("is qualified when both requests carry the same INS, whatever the traits say", () => {
    expect(matchPrior({ ...louise, ins: INS_A }, { ...louise, ins: INS_A })).toBe("INS");
    // A typo in the birth date or a married name does not hide a prior with the same INS.
    expect(matchPrior({ ...louise, ins: INS_A }, { ...louise, ins: INS_A, familyName: "Martin", birthDate: "1950-02-03" })).toBe("INS");
  });

  it("never matches two different INS, even for a namesake born the same day", () => {
    expect(matchPrior({ ...louise, ins: INS_A }, { ...louise, ins: INS_B })).toBeNull();
  });

  it("falls back on the traits, unqualified, when either side has no INS", () => {
    expect(matchPrior(louise, louise)).toBe("TRAITS");
    expect(matchPrior({ ...louise, ins: INS_A }, louise)).toBe("TRAITS");
    expect(matchPrior(louise, { ...louise, ins: INS_A })).toBe("TRAITS");
  });

  it("compares names without case, accents, spaces or hyphens", () => {
    const accented = { ...louise, familyName: "Dupont-Hélène", givenName: "Marie Louise" };
    expect(matchPrior(accented, { ...accented, familyName: "DUPONT HELENE", givenName: "marie-louise" })).toBe("TRAITS");
  });

  it("needs every trait to agree", () => {
    expect(matchPrior(louise, { ...louise, familyName: "Durand" })).toBeNull();
    expect(matchPrior(louise, { ...louise, givenName: "Lucie" })).toBeNull();
    expect(matchPrior(louise, { ...louise, birthDate: "1950-03-03" })).toBeNull();
    expect(matchPrior(louise, { ...louise, sex: "MALE" })).toBeNull();
  });

  it("does not match on names that normalise to nothing", () => {
    const blank = { ...louise, familyName: "--", givenName: "  " };
    expect(matchPrior(blank, blank)).toBeNull();
  });
});

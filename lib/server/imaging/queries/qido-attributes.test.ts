import { describe, expect, it } from "vitest";
import { withReturnedKeys } from "./qido-attributes";

describe("keys asked with universal matching", () => {
  const returned = new Set(["00100030", "00100010", "00200011"]);

  it("are answered as zero-length elements when the entity has no value, never overwriting one", () => {
    const study = withReturnedKeys({ "00100010": { vr: "PN", Value: [{ Alphabetic: "A^B" }] } }, returned, ["study"]);
    expect(study).toEqual({ "00100010": { vr: "PN", Value: [{ Alphabetic: "A^B" }] }, "00100030": { vr: "DA" } });
  });

  it("only at the levels the answer carries", () => {
    expect(withReturnedKeys({}, returned, ["series"])).toEqual({ "00200011": { vr: "IS" } });
  });
});

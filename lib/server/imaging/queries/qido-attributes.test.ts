import { describe, expect, it } from "vitest";
import { element, withReturnedKeys } from "./qido-attributes";

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

describe("a person name from the study's identity", () => {
  it("is answered with each of its component groups", () => {
    expect(element("PN", "Yamada^Tarou=山田^太郎=やまだ^たろう")).toEqual({ vr: "PN", Value: [{ Alphabetic: "Yamada^Tarou", Ideographic: "山田^太郎", Phonetic: "やまだ^たろう" }] });
    expect(element("PN", "=洪^吉洞")).toEqual({ vr: "PN", Value: [{ Ideographic: "洪^吉洞" }] });
    expect(element("PN", "DUPONT^Jean")).toEqual({ vr: "PN", Value: [{ Alphabetic: "DUPONT^Jean" }] });
  });
});

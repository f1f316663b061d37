import { describe, expect, it } from "vitest";
import { mergeValues } from "./merge-values";

const base = { findings: "Pas d'anomalie.", bleeding: false, shift: null, conclusion: "Normal." };

describe("merging two edits of one draft", () => {
  it("takes a change made on one side only, from either side", () => {
    const mine = { ...base, findings: "Hypodensité frontale." };
    const theirs = { ...base, shift: 3 };
    expect(mergeValues(base, mine, theirs)).toEqual({ merged: { ...base, findings: "Hypodensité frontale.", shift: 3 }, conflicts: [] });
  });

  it("accepts the same change made on both sides", () => {
    const both = { ...base, bleeding: true };
    expect(mergeValues(base, both, both)).toEqual({ merged: both, conflicts: [] });
  });

  it("reports fields changed differently on both sides, sorted, keeping mine", () => {
    const mine = { ...base, conclusion: "Hématome.", findings: "A", shift: 2 };
    const theirs = { ...base, conclusion: "Normal, contrôle.", findings: "B", bleeding: true };
    expect(mergeValues(base, mine, theirs)).toEqual({
      merged: { findings: "A", bleeding: true, shift: 2, conclusion: "Hématome." },
      conflicts: ["conclusion", "findings"],
    });
  });

  it("keeps a field cleared on one side cleared, and treats absent as empty", () => {
    expect(mergeValues(base, { ...base, conclusion: null }, base).merged.conclusion).toBeNull();
    const { conclusion: _dropped, ...withoutConclusion } = base;
    expect(mergeValues(base, withoutConclusion, base)).toEqual({ merged: { ...base, conclusion: null }, conflicts: [] });
    expect(mergeValues(base, { ...base, extra: null }, { ...base, extra: "x" })).toEqual({ merged: { ...base, extra: "x" }, conflicts: [] });
  });

  it("does not confuse false, 0 and empty", () => {
    const b = { a: null, n: 0 };
    expect(mergeValues(b, { a: false, n: 0 }, { a: null, n: null })).toEqual({ merged: { a: false, n: null }, conflicts: [] });
    expect(mergeValues(b, { a: false, n: 0 }, { a: true, n: 0 })).toEqual({ merged: { a: false, n: 0 }, conflicts: ["a"] });
  });
});

import { describe, expect, it } from "vitest";
import { uidFromSeed } from "./uid";

const VALID_UID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;

describe("uidFromSeed", () => {
  it("is a 2.25 UID within 64 characters with no leading zeros", () => {
    for (let i = 0; i < 500; i++) {
      const uid = uidFromSeed("seed", "instance", String(i));
      expect(uid).toMatch(VALID_UID);
      expect(uid.startsWith("2.25.")).toBe(true);
      expect(uid.length).toBeLessThanOrEqual(64);
    }
  });

  it("is stable for the same inputs and differs when any part changes", () => {
    expect(uidFromSeed("a", "study")).toBe(uidFromSeed("a", "study"));
    expect(uidFromSeed("a", "study")).not.toBe(uidFromSeed("b", "study"));
    expect(uidFromSeed("a", "series", "1")).not.toBe(uidFromSeed("a", "series", "2"));
    // Parts are joined unambiguously: moving a boundary changes the UID.
    expect(uidFromSeed("a", "bc")).not.toBe(uidFromSeed("ab", "c"));
  });
});

import { describe, expect, it } from "vitest";
import { insKey, isValidIns, withInsKey } from "./ins-key";

describe("INS key", () => {
  it("computes 97 − (number mod 97) on the published examples", () => {
    // 2550814168025 = 97 × 26297053278 + 59, key 97 − 59 = 38 (the INSEE example 2 55 08 14 168 025 38).
    expect(insKey("2550814168025")).toBe(38);
    // 1841276451089 mod 97 = 51, key 46.
    expect(insKey("1841276451089")).toBe(46);
  });

  it("counts Corsica's 2A as 19 and 2B as 18", () => {
    // 2 69 05 2A 000 123 → 2690519000123 mod 97 = 60, key 37.
    expect(insKey("269052A000123")).toBe(37);
    // 1 78 12 2B 045 678 → 1781218045678 mod 97 = 83, key 14.
    expect(insKey("178122B045678")).toBe(14);
    expect(isValidIns("269052A000123" + "37")).toBe(true);
    expect(isValidIns("178122B045678" + "14")).toBe(true);
  });

  it("refuses a wrong key, a swapped digit and a malformed number", () => {
    expect(isValidIns("255081416802538")).toBe(true);
    expect(isValidIns("255081416802539")).toBe(false);
    expect(isValidIns("255081461802538")).toBe(false);
    expect(isValidIns("25508141680253")).toBe(false);
    expect(isValidIns("955081416802538")).toBe(false);
    expect(insKey("25508141680A5")).toBeNull();
  });

  it("pads a one-digit key", () => {
    const body = Array.from({ length: 200 }, (_, i) => String(2_500_375_000_000 + i)).find((b) => (insKey(b) ?? 0) < 10)!;
    expect(withInsKey(body)).toHaveLength(15);
    expect(isValidIns(withInsKey(body))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { findControlCharacters, hasControlCharacters } from "./control-characters";

describe("control characters in client text", () => {
  it("are found in strings, nested values and keys; tabs and line breaks are text", () => {
    expect(hasControlCharacters("Douleur\tthoracique\r\nfièvre")).toBe(false);
    expect(hasControlCharacters("DUPONT\u0000")).toBe(true);
    expect(hasControlCharacters("\u001b[31m")).toBe(true);
    expect(findControlCharacters({ patient: { names: ["ok", "ba\u0007d"] } })).toBe("input.patient.names[1]");
    expect(findControlCharacters({ ["k\u0000"]: 1 })).toBe("input (a key)");
    expect(findControlCharacters({ when: new Date(), n: 3, list: [] })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { statusHex, storeFailureMeaning } from "./store-document";

describe("a C-STORE failure status, as the board and the audit name it", () => {
  it("names the standard's failure families", () => {
    expect(storeFailureMeaning(0xa700)).toBe("the PACS is out of resources");
    expect(storeFailureMeaning(0xa7ff)).toBe("the PACS is out of resources");
    expect(storeFailureMeaning(0xa900)).toContain("does not match its SOP class");
    expect(storeFailureMeaning(0xc123)).toContain("cannot understand");
    expect(storeFailureMeaning(0x0122)).toContain("does not take this SOP class");
    expect(storeFailureMeaning(0x0124)).toContain("not authorised");
  });

  it("falls back to a plain refusal for a status it does not know", () => {
    expect(storeFailureMeaning(0xfe00)).toBe("refused by the PACS");
  });

  it("writes the status as four upper-case hex digits", () => {
    expect(statusHex(0xa7)).toBe("00A7");
    expect(statusHex(0xc000)).toBe("C000");
  });
});

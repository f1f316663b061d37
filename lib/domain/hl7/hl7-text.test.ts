import { describe, expect, it } from "vitest";
import { escapeHl7, joinComponents } from "./hl7-text";
import { formatHl7Date, formatHl7Instant } from "./hl7-timestamp";

describe("text in an HL7 field", () => {
  it("escapes every delimiter so that a value never shifts the fields after it", () => {
    expect(escapeHl7("A|B^C&D~E\\F")).toBe("A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F");
  });

  it("keeps line breaks of formatted text as \\.br\\ and flattens them elsewhere", () => {
    expect(escapeHl7("TDM\nsans injection", { formatted: true })).toBe("TDM\\.br\\sans injection");
    expect(escapeHl7("TDM\r\nsans", {})).toBe("TDM sans");
  });

  it("replaces control characters that would break the MLLP frame", () => {
    expect(escapeHl7("a\u000bb\u001cc")).toBe("a b c");
  });

  it("joins components, escaping each and dropping trailing empty ones", () => {
    expect(joinComponents(["DUPONT", "Jean^Paul", null, ""])).toBe("DUPONT^Jean\\S\\Paul");
    expect(joinComponents(["HOP", "1.2.3", "ISO"], "&")).toBe("HOP&1.2.3&ISO");
  });

  it("writes timestamps in UTC and dates as the calendar day", () => {
    expect(formatHl7Instant(new Date("2026-12-07T14:05:09.123Z"), "UTC")).toBe("20261207140509+0000");
    expect(formatHl7Date(new Date("1979-03-28T00:00:00Z"))).toBe("19790328");
  });
});

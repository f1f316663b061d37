import { describe, expect, it } from "vitest";
import { formatDicomDate, formatPersonName } from "./dicom-identity-format";

describe("the received identity as the request page writes it", () => {
  it("writes a person name's components with spaces, the ideographic group after it", () => {
    expect(formatPersonName("DUPONT^JEANNE^MARIE")).toBe("DUPONT JEANNE MARIE");
    expect(formatPersonName("Yamada^Tarou=山田^太郎=やまだ^たろう")).toBe("Yamada Tarou (山田 太郎)");
    expect(formatPersonName("=山田^太郎")).toBe("山田 太郎");
    expect(formatPersonName("")).toBe("");
  });

  it("writes a DICOM date the locale's way and leaves an unreadable one as received", () => {
    expect(formatDicomDate("19480714", "fr")).toBe("14/07/1948");
    expect(formatDicomDate("19480714", "en")).toBe("14/07/1948");
    expect(formatDicomDate("1948", "fr")).toBe("1948");
    expect(formatDicomDate(null, "fr")).toBe("");
  });
});

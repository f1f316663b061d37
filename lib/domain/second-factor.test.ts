import { describe, expect, it } from "vitest";
import { formatRecoveryCode, normalizeRecoveryCode, totpCodeSchema } from "./second-factor";

describe("what users type as second factors", () => {
  it("reads a TOTP code with spaces, and refuses anything but six digits", () => {
    expect(totpCodeSchema.parse("123 456")).toBe("123456");
    expect(totpCodeSchema.safeParse("12345").success).toBe(false);
    expect(totpCodeSchema.safeParse("12345a").success).toBe(false);
  });

  it("reads a recovery code whatever the case, spaces or dashes, with I/L/O as the digits they look like", () => {
    expect(normalizeRecoveryCode("abcd-efgh-jkmn-pqrs")).toBe("ABCDEFGHJKMNPQRS");
    expect(normalizeRecoveryCode("0I1L oooo 2222 3333")).toBe("0111000022223333");
    expect(normalizeRecoveryCode("ABCD-EFGH")).toBeNull();
    expect(normalizeRecoveryCode("ABCD-EFGH-JKMN-PQRU")).toBeNull();
    expect(formatRecoveryCode("ABCDEFGHJKMNPQRS")).toBe("ABCD-EFGH-JKMN-PQRS");
  });
});

import { describe, expect, it } from "vitest";
import { accountLinkUrl, accountLinkVerdict } from "./account-links";

describe("one-time account links", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  it("works once, until it expires", () => {
    expect(accountLinkVerdict({ expiresAt: new Date("2026-12-07T11:00:00Z"), usedAt: null }, now)).toBe("USABLE");
    expect(accountLinkVerdict({ expiresAt: new Date("2026-12-07T11:00:00Z"), usedAt: new Date("2026-12-07T09:00:00Z") }, now)).toBe("USED");
    expect(accountLinkVerdict({ expiresAt: now, usedAt: null }, now)).toBe("EXPIRED");
  });

  it("carries the token in the fragment, which no server log sees", () => {
    expect(accountLinkUrl("https://teleradio.chu.fr/", "abc")).toBe("https://teleradio.chu.fr/account/link#abc");
  });
});

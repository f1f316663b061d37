import { describe, expect, it } from "vitest";
import { oidcErrorCode, oidcRefusalOfCode, strongAuthenticationTime } from "./oidc-outcome";

describe("OpenID sign-in outcomes", () => {
  it("round-trips each refusal through the sign-in page's error code, and nothing else", () => {
    expect(oidcRefusalOfCode(oidcErrorCode("UNKNOWN_RPPS"))).toBe("UNKNOWN_RPPS");
    expect(oidcRefusalOfCode("OIDC_SOMETHING")).toBeNull();
    expect(oidcRefusalOfCode("OAuthCallback")).toBeNull();
    expect(oidcRefusalOfCode(null)).toBeNull();
  });

  it("dates the strong authentication at the provider's auth_time, never in the future", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    expect(strongAuthenticationTime(now.getTime() / 1000 - 3600, now)).toEqual(new Date("2026-12-07T09:00:00Z"));
    expect(strongAuthenticationTime(now.getTime() / 1000 + 30, now)).toEqual(now);
    expect(strongAuthenticationTime(undefined, now)).toEqual(now);
    expect(strongAuthenticationTime("1700000000", now)).toEqual(now);
  });
});

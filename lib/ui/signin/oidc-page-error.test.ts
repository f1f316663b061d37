import { describe, expect, it } from "vitest";
import { oidcPageError } from "./oidc-page-error";

describe("what the sign-in page says after the OpenID provider", () => {
  it("names our refusals and turns next-auth's provider codes into a provider error", () => {
    expect(oidcPageError("OIDC_UNKNOWN_RPPS")).toBe("UNKNOWN_RPPS");
    expect(oidcPageError("OIDC_CANCELLED")).toBe("CANCELLED");
    expect(oidcPageError("OAuthCallback")).toBe("PROVIDER_ERROR");
    expect(oidcPageError("OAuthSignin")).toBe("PROVIDER_ERROR");
  });

  it("ignores anything else a link may carry", () => {
    expect(oidcPageError("<script>")).toBeNull();
    expect(oidcPageError("OIDC_NOPE")).toBeNull();
    expect(oidcPageError(undefined)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_RPPS_CLAIMS, rppsFromClaims, rppsFromIdentifier } from "./rpps-claim";

describe("the RPPS an OpenID provider vouches for", () => {
  it("reads Pro Santé Connect's idNat_PS (8 + RPPS) and a bare RPPS", () => {
    expect(rppsFromIdentifier("810001234567")).toBe("10001234567");
    expect(rppsFromIdentifier("10001234567")).toBe("10001234567");
    expect(rppsFromIdentifier(" 810001234567 ")).toBe("10001234567");
  });

  it("refuses what is not an RPPS number: ADELI identifiers, other lengths, letters", () => {
    expect(rppsFromIdentifier("0123456789")).toBeNull();
    expect(rppsFromIdentifier("910001234567")).toBeNull();
    expect(rppsFromIdentifier("1000123456")).toBeNull();
    expect(rppsFromIdentifier("8100012345678")).toBeNull();
    expect(rppsFromIdentifier("8A0001234567")).toBeNull();
    expect(rppsFromIdentifier(undefined)).toBeNull();
    expect(rppsFromIdentifier({ rpps: "10001234567" })).toBeNull();
  });

  it("takes SubjectNameID first, then preferred_username, never sub", () => {
    expect(rppsFromClaims({ sub: "10001234567", SubjectNameID: "810009999999", preferred_username: "810001111111" }, DEFAULT_RPPS_CLAIMS)).toBe("10009999999");
    expect(rppsFromClaims({ sub: "x", preferred_username: "810001111111" }, DEFAULT_RPPS_CLAIMS)).toBe("10001111111");
    expect(rppsFromClaims({ sub: "10001234567" }, DEFAULT_RPPS_CLAIMS)).toBeNull();
  });

  it("does not fall back to another claim when the first present one is no RPPS (an ADELI professional)", () => {
    expect(rppsFromClaims({ SubjectNameID: "0123456789", preferred_username: "810001111111" }, DEFAULT_RPPS_CLAIMS)).toBeNull();
  });

  it("reads a configured claim, nested ones included (Keycloak, Entra ID mappers)", () => {
    expect(rppsFromClaims({ rpps: 10001234567 }, ["rpps"])).toBe("10001234567");
    expect(rppsFromClaims({ extension: { rpps: "10001234567" } }, ["extension.rpps"])).toBe("10001234567");
    expect(rppsFromClaims({ "extension.rpps": "10001234567" }, ["extension.rpps"])).toBe("10001234567");
    expect(rppsFromClaims({ extension: null }, ["extension.rpps"])).toBeNull();
  });
});

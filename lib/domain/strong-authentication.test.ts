import { describe, expect, it } from "vitest";
import { ROLES } from "./enums";
import { DEFAULT_STRONG_AUTH_ROLES, parseStrongAuthRoles, sessionReach, signatureReauthOptions } from "./strong-authentication";

describe("strong-authentication policy", () => {
  it("reads STRONG_AUTH_ROLES: default, none, a list, and refuses a typo", () => {
    expect(parseStrongAuthRoles(undefined, ROLES)).toEqual(DEFAULT_STRONG_AUTH_ROLES);
    expect(parseStrongAuthRoles(" none ", ROLES)).toEqual([]);
    expect(parseStrongAuthRoles("radiologist, ADMIN", ROLES)).toEqual(["RADIOLOGIST", "ADMIN"]);
    expect(parseStrongAuthRoles("RADIOLOGIST,RADIOLGIST", ROLES)).toBeNull();
  });

  it("keeps a password session of a strong role to enrolment, outside demo mode only", () => {
    const policy = { roles: DEFAULT_STRONG_AUTH_ROLES, demo: false };
    expect(sessionReach("RADIOLOGIST", "PASSWORD", policy)).toBe("ENROLMENT_ONLY");
    expect(sessionReach("RADIOLOGIST", "PASSWORD_TOTP", policy)).toBe("FULL");
    expect(sessionReach("ADMIN", "OIDC", policy)).toBe("FULL");
    expect(sessionReach("REFERRER", "PASSWORD", policy)).toBe("FULL");
    expect(sessionReach("RADIOLOGIST", "PASSWORD", { ...policy, demo: true })).toBe("FULL");
    expect(sessionReach("RADIOLOGIST", "PASSWORD", { roles: [], demo: false })).toBe("FULL");
  });

  it("asks a signature for the factor, a recent OIDC step-up, or the password when there is neither", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    expect(signatureReauthOptions({ hasTotp: true, passkeys: 0, method: "PASSWORD_TOTP", strongAt: minutesAgo(1), now })).toEqual({ totp: true, passkey: false, oidcStepUp: false, recentOidc: false, password: false });
    expect(signatureReauthOptions({ hasTotp: false, passkeys: 2, method: "PASSWORD_WEBAUTHN", strongAt: null, now })).toMatchObject({ passkey: true, password: false });
    expect(signatureReauthOptions({ hasTotp: false, passkeys: 0, method: "OIDC", strongAt: minutesAgo(4), now })).toMatchObject({ oidcStepUp: true, recentOidc: true, password: false });
    expect(signatureReauthOptions({ hasTotp: false, passkeys: 0, method: "OIDC", strongAt: minutesAgo(6), now })).toMatchObject({ recentOidc: false });
    expect(signatureReauthOptions({ hasTotp: false, passkeys: 0, method: "PASSWORD", strongAt: null, now })).toMatchObject({ password: true });
  });
});

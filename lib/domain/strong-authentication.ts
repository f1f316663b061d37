import type { Role } from "./enums";

// Who must prove more than a password, and how a session counts as strongly authenticated.
// Since 2026 a password alone no longer suffices for health professionals on a service holding
// health data (PGSSI-S): Pro Santé Connect (OIDC at eIDAS "substantial", acr eidas1) or a local
// second factor (TOTP, WebAuthn passkey) is required for the roles that read or administer.

/** How a session's user proved who they are (UserSession.method). */
export const SESSION_METHODS = ["PASSWORD", "PASSWORD_TOTP", "PASSWORD_WEBAUTHN", "OIDC"] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

/** Roles that must use Pro Santé Connect or a second factor unless configured otherwise. */
export const DEFAULT_STRONG_AUTH_ROLES: readonly Role[] = ["RADIOLOGIST", "DEPARTMENT_HEAD", "ADMIN"];

export function isStrongMethod(method: SessionMethod): boolean {
  return method !== "PASSWORD";
}

/** Whether a role must authenticate strongly; demo installations are exempt. */
export function requiresStrongAuthentication(role: Role, policy: { roles: readonly Role[]; demo: boolean }): boolean {
  return !policy.demo && policy.roles.includes(role);
}

/** Signing a report needs a strong authentication this recent (a step-up otherwise). */
export const SIGNATURE_STEP_UP_WINDOW_MS = 5 * 60_000;

export function hasRecentStrongAuthentication(strongAt: Date | null, now: Date, windowMs = SIGNATURE_STEP_UP_WINDOW_MS): boolean {
  return strongAt !== null && now.getTime() - strongAt.getTime() <= windowMs && strongAt.getTime() <= now.getTime() + 60_000;
}

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

/**
 * STRONG_AUTH_ROLES as configured: a comma-separated list of roles, `none` to switch the policy
 * off, unset or empty for the default. An unknown role is an error (a typo must not silently
 * exempt a role), returned as null for the environment check to report.
 */
export function parseStrongAuthRoles(value: string | undefined, known: readonly Role[]): readonly Role[] | null {
  const text = (value ?? "").trim();
  if (text === "") return DEFAULT_STRONG_AUTH_ROLES;
  if (text.toLowerCase() === "none") return [];
  const names = text.split(",").map((name) => name.trim().toUpperCase()).filter(Boolean);
  const roles = names.filter((name): name is Role => (known as readonly string[]).includes(name));
  return roles.length === names.length ? [...new Set(roles)] : null;
}

export interface StrongAuthPolicy {
  roles: readonly Role[];
  demo: boolean;
}

/**
 * What a live session may reach. A password-only session of a role that must authenticate
 * strongly reaches only the enrolment of a second factor (the account has none, or it would
 * have been asked for it at sign-in); every other door refuses it until then.
 */
export type SessionReach = "FULL" | "ENROLMENT_ONLY";

export function sessionReach(role: Role, method: SessionMethod, policy: StrongAuthPolicy): SessionReach {
  return !isStrongMethod(method) && requiresStrongAuthentication(role, policy) ? "ENROLMENT_ONLY" : "FULL";
}

export function isSessionMethod(value: string): value is SessionMethod {
  return (SESSION_METHODS as readonly string[]).includes(value);
}

/** How a signature may be re-authenticated, given the session and the user's factors. */
export interface SignatureReauthOptions {
  totp: boolean;
  passkey: boolean;
  /** A Pro Santé Connect step-up, offered to OIDC sessions. */
  oidcStepUp: boolean;
  /** The session's strong authentication is recent enough to sign without asking again. */
  recentOidc: boolean;
  /** The password alone: only for an account with neither a factor nor Pro Santé Connect. */
  password: boolean;
}

/**
 * The signature asks for the same strength as the sign-in. With a local factor, a code or a
 * passkey at this moment (never the password alone, and never "it was recent": the factor is
 * at hand and proving presence at the act is the point). An OIDC session re-authenticates at
 * Pro Santé Connect, which can only hand back a fresh `strongAt`, so a recent one is accepted
 * within SIGNATURE_STEP_UP_WINDOW_MS. Without any factor (demo mode, or a policy switched off
 * for the role), the password as before.
 */
export function signatureReauthOptions(input: {
  hasTotp: boolean;
  passkeys: number;
  method: SessionMethod;
  strongAt: Date | null;
  now: Date;
}): SignatureReauthOptions {
  const oidc = input.method === "OIDC";
  const factor = input.hasTotp || input.passkeys > 0;
  return {
    totp: input.hasTotp,
    passkey: input.passkeys > 0,
    oidcStepUp: oidc,
    recentOidc: oidc && hasRecentStrongAuthentication(input.strongAt, input.now),
    password: !factor && !oidc,
  };
}

// Typed application errors. Services throw them; lib/server/trpc/error-mapping.ts maps
// them to tRPC/HTTP in one place, and the UI translates `code` through its catalogue.

export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_INPUT",
  "ALREADY_CLAIMED",
  "NOT_HOLDER",
  "INVALID_TRANSITION",
  "IDEMPOTENCY_KEY_REUSED",
  "REASON_REQUIRED",
  "CONTRAST_CONTRAINDICATED",
  "PATIENT_NOT_INFORMED",
  "NOT_ELIGIBLE",
  "REPORT_CONFLICT",
  "REPORT_INCOMPLETE",
  "REAUTH_FAILED",
  "REAUTH_LOCKED",
  "SECOND_FACTOR_REQUIRED",
  "SECOND_FACTOR_INVALID",
  // Reads of patient data are refused while their audit rows cannot be written (read-audit-buffer.ts).
  "AUDIT_UNAVAILABLE",
  // Accounts (lib/server/services/accounts).
  "EMAIL_TAKEN",
  "RPPS_TAKEN",
  "LAST_ADMIN",
  "SELF_DEACTIVATION",
  "LINK_INVALID",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_LONG",
  "PASSWORD_COMMON",
  "PASSWORD_PERSONAL",
  "CURRENT_PASSWORD_WRONG",
  "PASSWORD_CHANGE_LOCKED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type AppErrorDetails = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

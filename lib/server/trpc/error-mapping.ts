import "server-only";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable } from "../db/database-unavailable";

// The one place where typed application errors become tRPC (and so HTTP) errors.
const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_INPUT: "BAD_REQUEST",
  ALREADY_CLAIMED: "CONFLICT",
  NOT_HOLDER: "CONFLICT",
  INVALID_TRANSITION: "CONFLICT",
  IDEMPOTENCY_KEY_REUSED: "UNPROCESSABLE_CONTENT",
  REASON_REQUIRED: "BAD_REQUEST",
  CONTRAST_CONTRAINDICATED: "UNPROCESSABLE_CONTENT",
  PATIENT_NOT_INFORMED: "CONFLICT",
  NOT_ELIGIBLE: "FORBIDDEN",
  REPORT_CONFLICT: "CONFLICT",
  REPORT_INCOMPLETE: "UNPROCESSABLE_CONTENT",
  REAUTH_FAILED: "FORBIDDEN",
  REAUTH_LOCKED: "TOO_MANY_REQUESTS",
  SECOND_FACTOR_REQUIRED: "FORBIDDEN",
  SECOND_FACTOR_INVALID: "FORBIDDEN",
  AUDIT_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  EMAIL_TAKEN: "CONFLICT",
  RPPS_TAKEN: "CONFLICT",
  LAST_ADMIN: "CONFLICT",
  SELF_DEACTIVATION: "CONFLICT",
  LINK_INVALID: "NOT_FOUND",
  PASSWORD_TOO_SHORT: "UNPROCESSABLE_CONTENT",
  PASSWORD_TOO_LONG: "UNPROCESSABLE_CONTENT",
  PASSWORD_COMMON: "UNPROCESSABLE_CONTENT",
  PASSWORD_PERSONAL: "UNPROCESSABLE_CONTENT",
  CURRENT_PASSWORD_WRONG: "FORBIDDEN",
  PASSWORD_CHANGE_LOCKED: "TOO_MANY_REQUESTS",
};

/**
 * PostgreSQL away (restarting, unreachable) or saturated: 503, which the HTTP handler answers
 * with Retry-After and the browser's client retries (lib/trpc/retry-policy.ts).
 */
export function databaseUnavailableError(cause: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Service briefly unavailable: try again in a moment", cause });
}

/** A concurrent change won: a unique key already taken (P2002) or a row gone (P2025). */
export function raceError(cause: unknown): TRPCError | null {
  if (isDatabaseUnavailable(cause)) return databaseUnavailableError(cause);
  if (!(cause instanceof Prisma.PrismaClientKnownRequestError)) return null;
  if (cause.code === "P2002") return new TRPCError({ code: "CONFLICT", message: "Changed by someone else meanwhile: reload and try again", cause });
  if (cause.code === "P2025") return new TRPCError({ code: "NOT_FOUND", message: "Not found", cause });
  return null;
}

export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

export interface ErrorShapeData {
  appCode: AppErrorCode | null;
  details: Record<string, string | number | boolean | null> | null;
  /** Field errors of an input that failed validation: dotted path -> catalogue key. */
  fieldErrors: Record<string, string> | null;
}

export function errorShapeData(error: TRPCError): ErrorShapeData {
  const cause = error.cause;
  if (cause instanceof AppError) return { appCode: cause.code, details: cause.details, fieldErrors: null };
  if (cause instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of cause.issues) {
      const path = issue.path.map(String).join(".");
      fieldErrors[path] ??= isValidationKey(issue.message) ? issue.message : "validation.invalid";
    }
    return { appCode: "BAD_INPUT", details: null, fieldErrors };
  }
  return { appCode: null, details: null, fieldErrors: null };
}

/** Schema messages are catalogue keys: "validation.x" or a feature's "<section>.validation.x". */
function isValidationKey(message: string): boolean {
  return /^([a-z]+\.)?validation\.[A-Za-z]+$/.test(message);
}

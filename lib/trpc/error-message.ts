import { TRPCClientError } from "@trpc/client";
import type { AppErrorCode } from "@/lib/domain/errors";
import type { Translate } from "@/lib/i18n/translate";

interface ErrorData {
  appCode?: AppErrorCode | null;
  details?: Record<string, string | number | boolean | null> | null;
  fieldErrors?: Record<string, string> | null;
}

function errorData(error: unknown): ErrorData {
  if (error instanceof TRPCClientError) return (error.data ?? {}) as ErrorData;
  return {};
}

/** The user-facing, translated message of a failed call. */
export function errorMessage(error: unknown, t: Translate): string {
  // The session ended (signed out elsewhere, idle, revoked): never the generic error.
  if (isUnauthenticatedError(error)) return t("errors.UNAUTHENTICATED");
  const { appCode, details } = errorData(error);
  if (!appCode) return isServiceUnavailableError(error) ? t("errors.unavailable") : t("errors.unknown");
  const params = Object.fromEntries(Object.entries(details ?? {}).map(([k, v]) => [k, String(v)]));
  return t(`errors.${appCode}`, params);
}

/**
 * A 503: the database restarting or saturated, or no instance behind the load balancer for a
 * moment. Worth trying again after the server's Retry-After (retry-policy.ts).
 */
export function isServiceUnavailableError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  if ((error.data as { httpStatus?: number } | undefined)?.httpStatus === 503) return true;
  // A 503 that is not tRPC's own JSON (the load balancer's page): the link keeps the response.
  const response = (error.meta as { response?: { status?: number } } | undefined)?.response;
  return response?.status === 503;
}

/** A role-level refusal: not worth retrying, and a panel the user may not see simply hides. */
export function isForbiddenError(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "FORBIDDEN";
}

/** The session is over (signed out elsewhere, idle, at its end): the form should be kept and the user sent to sign in. */
export function isUnauthenticatedError(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED";
}

/**
 * Whether a failed query replaces what it showed by its error. Not when only the session ended
 * on a refetch: the session banner says so, and the page (with the forms on it, kept for after
 * signing in) stays as it was instead of turning into one error line.
 */
export function failureHidesContent(query: { error: unknown; data: unknown }): boolean {
  if (!query.error) return false;
  return query.data === undefined || !isUnauthenticatedError(query.error);
}

/** Field errors sent back by the server's validation (dotted path -> catalogue key). */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return errorData(error).fieldErrors ?? {};
}

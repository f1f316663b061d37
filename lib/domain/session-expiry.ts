// When a session ends and when the user is warned: shared by the server (what it answers about
// a session) and the browser (the banner). A session ends at the earlier of its idle deadline
// (last activity + idle timeout, moved by any request) and its absolute end (sign-in + the
// maximum lifetime, never moved). Only the idle cause can be put off by staying.

export type ExpiryCause = "IDLE" | "ABSOLUTE";

export interface SessionExpiry {
  /** When the session ends if nothing happens, ISO-8601. */
  endsAt: string;
  cause: ExpiryCause;
  /** The server's clock when it answered, ISO-8601: the browser's clock may be wrong. */
  serverNow: string;
}

export function sessionExpiry(session: { lastSeenAt: Date; expiresAt: Date }, idleTimeoutMs: number, now: Date): SessionExpiry {
  const idleEnd = session.lastSeenAt.getTime() + idleTimeoutMs;
  const absoluteEnd = session.expiresAt.getTime();
  const idleFirst = idleEnd < absoluteEnd;
  return { endsAt: new Date(idleFirst ? idleEnd : absoluteEnd).toISOString(), cause: idleFirst ? "IDLE" : "ABSOLUTE", serverNow: now.toISOString() };
}

/** The warning shows this long before the end. */
export const WARN_BEFORE_MS = 2 * 60_000;

export type ExpiryNotice =
  | { kind: "NONE" }
  | { kind: "WARNING"; minutesLeft: number; secondsLeft: number; canRenew: boolean }
  | { kind: "EXPIRED" };

/**
 * What the banner says at `nowMs` on the browser's clock, given the last answer and the
 * browser's clock when it arrived (the server's `serverNow` anchors the count).
 */
export function expiryNotice(expiry: SessionExpiry, receivedAtMs: number, nowMs: number): ExpiryNotice {
  const leftMs = Date.parse(expiry.endsAt) - Date.parse(expiry.serverNow) - (nowMs - receivedAtMs);
  if (leftMs <= 0) return { kind: "EXPIRED" };
  if (leftMs > WARN_BEFORE_MS) return { kind: "NONE" };
  const secondsLeft = Math.ceil(leftMs / 1000);
  return { kind: "WARNING", minutesLeft: Math.ceil(secondsLeft / 60), secondsLeft, canRenew: expiry.cause === "IDLE" };
}

/** How long the browser may wait before asking again: another tab's activity moves the end. */
export function nextCheckInMs(expiry: SessionExpiry, receivedAtMs: number, nowMs: number): number {
  const leftMs = Date.parse(expiry.endsAt) - Date.parse(expiry.serverNow) - (nowMs - receivedAtMs);
  const untilWarning = leftMs - WARN_BEFORE_MS;
  if (untilWarning > 0) return Math.min(60_000, Math.max(1000, untilWarning));
  // Within the warning: often enough to see another tab's "stay signed in", or the end.
  return Math.max(1000, Math.min(15_000, leftMs));
}

/** A path of this site to come back to after signing in; anything else is replaced by home. */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  // Control characters would end up in a redirect's Location header.
  if (/[\u0000-\u001f\u007f]/.test(raw) || raw.length > 2000) return "/";
  return raw;
}

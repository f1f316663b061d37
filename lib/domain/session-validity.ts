// When a server-side session still counts. A session ends at its absolute expiry (counted from
// sign-in, never extended), after a period with no request from it (idle), or when revoked
// (sign-out, deactivation, a change of password or of rights).

export interface SessionState {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionStatus = "LIVE" | "REVOKED" | "EXPIRED" | "IDLE";

export function sessionStatus(session: SessionState, now: Date, idleTimeoutMs: number): SessionStatus {
  if (session.revokedAt) return "REVOKED";
  if (session.expiresAt <= now) return "EXPIRED";
  if (now.getTime() - session.lastSeenAt.getTime() >= idleTimeoutMs) return "IDLE";
  return "LIVE";
}

/**
 * Whether a request should move the session's last activity forward: at most once a minute,
 * so that a worklist refetching at every change does not write a row per request.
 */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

export const TOUCH_EVERY_MS = 60_000;

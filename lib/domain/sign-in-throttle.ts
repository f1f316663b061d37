// Sign-in throttling: after a few wrong passwords for one account (or from one address), each
// further attempt must wait longer, and past a limit the account is locked for a while. A
// refused attempt is answered without checking the password and does not count as a failure:
// the wait cannot be prolonged forever by someone hammering the form.
//
// An address is a hospital's network more often than a person: many users sign in from behind
// one NAT. Its limits are therefore looser than an account's, so that one person's mistakes
// lock neither a whole department nor anyone else's account.

export type ThrottleScope = "ACCOUNT" | "ADDRESS";

export interface ThrottleRule {
  /** Failures answered at once; from the next one on, a growing delay. */
  freeFailures: number;
  /** Failures after which the key is locked. */
  lockAfter: number;
  lockMinutes: number;
  /** Failures are forgotten this long after the last one. */
  forgetAfterMinutes: number;
  maxDelaySeconds: number;
}

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  ACCOUNT: { freeFailures: 5, lockAfter: 10, lockMinutes: 15, forgetAfterMinutes: 15, maxDelaySeconds: 60 },
  ADDRESS: { freeFailures: 20, lockAfter: 50, lockMinutes: 15, forgetAfterMinutes: 15, maxDelaySeconds: 60 },
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: null, lockedUntil: null };

export type ThrottleVerdict = { allowed: true } | { allowed: false; locked: boolean; retryAfterSeconds: number };

/** The state as it stands now: failures older than the forgetting window no longer count. */
export function currentState(state: ThrottleState, rule: ThrottleRule, now: Date): ThrottleState {
  if (state.lockedUntil && state.lockedUntil > now) return state;
  if (!state.lastFailureAt || now.getTime() - state.lastFailureAt.getTime() >= rule.forgetAfterMinutes * 60_000) return NO_FAILURES;
  if (state.lockedUntil) return { ...state, lockedUntil: null };
  return state;
}

/** Whether an attempt may be checked now, or how long it must wait. */
export function throttleVerdict(state: ThrottleState, rule: ThrottleRule, now: Date): ThrottleVerdict {
  const current = currentState(state, rule, now);
  if (current.lockedUntil) return { allowed: false, locked: true, retryAfterSeconds: secondsUntil(current.lockedUntil, now) };
  if (current.failures < rule.freeFailures || !current.lastFailureAt) return { allowed: true };
  // 1 s after the first failure past the free ones, then 2, 4, 8… up to the maximum.
  const delaySeconds = Math.min(rule.maxDelaySeconds, 2 ** (current.failures - rule.freeFailures));
  const allowedAt = new Date(current.lastFailureAt.getTime() + delaySeconds * 1000);
  return allowedAt <= now ? { allowed: true } : { allowed: false, locked: false, retryAfterSeconds: secondsUntil(allowedAt, now) };
}

/** One more wrong password: counted, and the key locked when it reaches the limit. */
export function afterFailure(state: ThrottleState, rule: ThrottleRule, now: Date): ThrottleState {
  const failures = currentState(state, rule, now).failures + 1;
  return { failures, lastFailureAt: now, lockedUntil: failures >= rule.lockAfter ? new Date(now.getTime() + rule.lockMinutes * 60_000) : null };
}

function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

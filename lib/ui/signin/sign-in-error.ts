// What the sign-in form says for next-auth's error code: the server answers a throttled or
// locked attempt with "THROTTLED:<seconds>" or "LOCKED:<seconds>", a right password of an
// account with a second factor with "SECOND_FACTOR:<ticket>:<T?P?>" (T: TOTP, P: passkey), a
// second step whose ticket ran out with "EXPIRED" (lib/server/auth/auth-options.ts); anything
// else is a wrong e-mail, password or code.

export type SignInError = { kind: "failed" } | { kind: "throttled"; seconds: number } | { kind: "locked"; minutes: number } | { kind: "expired" };
export type SecondFactorChallenge = { ticket: string; totp: boolean; passkey: boolean };

export function signInErrorOf(code: string | null | undefined): SignInError {
  if (code === "EXPIRED") return { kind: "expired" };
  const match = /^(THROTTLED|LOCKED):(\d+)$/.exec(code ?? "");
  if (!match) return { kind: "failed" };
  const seconds = Number(match[2]);
  return match[1] === "LOCKED" ? { kind: "locked", minutes: Math.max(1, Math.ceil(seconds / 60)) } : { kind: "throttled", seconds };
}

export function secondFactorChallengeOf(code: string | null | undefined): SecondFactorChallenge | null {
  const match = /^SECOND_FACTOR:([A-Za-z0-9_-]{43}):(T?)(P?)$/.exec(code ?? "");
  if (!match) return null;
  return { ticket: match[1]!, totp: match[2] === "T", passkey: match[3] === "P" };
}

// What the sign-in form says for next-auth's error code: the server answers a throttled or
// locked attempt with "THROTTLED:<seconds>" or "LOCKED:<seconds>" (lib/server/auth/auth-options.ts),
// anything else is a wrong e-mail or password.

export type SignInError = { kind: "failed" } | { kind: "throttled"; seconds: number } | { kind: "locked"; minutes: number };

export function signInErrorOf(code: string | null | undefined): SignInError {
  const match = /^(THROTTLED|LOCKED):(\d+)$/.exec(code ?? "");
  if (!match) return { kind: "failed" };
  const seconds = Number(match[2]);
  return match[1] === "LOCKED" ? { kind: "locked", minutes: Math.max(1, Math.ceil(seconds / 60)) } : { kind: "throttled", seconds };
}

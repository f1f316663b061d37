import type { Messages } from "../../types";

export const sessionEn: Messages["session"] = {
  expiresInMinutes: "Your session expires in {minutes} min.",
  expiresInSeconds: "Your session expires in {seconds} s.",
  idleHint: "Without activity you will be signed out; what you are typing will be kept.",
  absoluteHint: "It reaches its maximum length: sign in again, what you are typing will be kept.",
  stay: "Stay signed in",
  expired: "Your session has expired. Sign in again: what you typed will be kept.",
  signInAgain: "Sign in again",
  restored: "What you typed was restored after signing in again. Check it before sending.",
};

import { saveDraft } from "./form-drafts";
import { safeCallbackPath } from "@/lib/domain/session-expiry";
import { markSessionOver } from "./session-over";

// The forms on screen that are worth keeping when the session ends. Each registers a function
// giving its current values; when the session is found over (by the banner, or by a form whose
// submission was refused as unauthenticated) every one of them is saved before going to sign in.

type Source = () => unknown;

const sources = new Map<string, Source>();

export function registerKeptForm(formKey: string, source: Source): () => void {
  sources.set(formKey, source);
  return () => {
    if (sources.get(formKey) === source) sources.delete(formKey);
  };
}

export const SESSION_OVER_EVENT = "teleradio:session-over";

/**
 * A call was refused as unauthenticated: the tab now knows the session is over (banner, live
 * indicator, socket), and the banner asks the server at once for the rest (which limit).
 */
export function announceSessionOver(): void {
  markSessionOver();
  window.dispatchEvent(new Event(SESSION_OVER_EVENT));
}

/** Saves the forms on screen for this user, then signs in again and comes back here. */
export function signInAgainKeepingForms(userId: string): void {
  for (const [formKey, source] of sources) saveDraft(userId, formKey, source());
  const here = safeCallbackPath(`${window.location.pathname}${window.location.search}`);
  window.location.assign(`/signin?callbackUrl=${encodeURIComponent(here)}`);
}

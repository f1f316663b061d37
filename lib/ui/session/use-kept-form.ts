"use client";

import { useEffect, useRef } from "react";
import { takeDraft } from "./form-drafts";
import { registerKeptForm, signInAgainKeepingForms } from "./kept-forms";
import { useSessionUserId } from "./session-user";

/**
 * Keeps a form across the end of a session: gives back, once, what this user typed before
 * signing in again (`restore`, with what `parse` accepts of it), and returns what to call when
 * the server refused a submission because the session is over.
 */
export function useKeptForm<T>(formKey: string, values: T, parse: (raw: unknown) => T | null, restore: (kept: T) => void): { signInAgain: () => void } {
  const userId = useSessionUserId();
  const current = useRef(values);
  const callbacks = useRef({ parse, restore });
  useEffect(() => {
    current.current = values;
    callbacks.current = { parse, restore };
  });

  useEffect(() => {
    if (!userId) return;
    const raw = takeDraft(userId, formKey);
    const kept = raw === null ? null : callbacks.current.parse(raw);
    if (kept !== null) callbacks.current.restore(kept);
    return registerKeptForm(formKey, () => current.current);
  }, [userId, formKey]);

  return {
    signInAgain: () => {
      if (userId) signInAgainKeepingForms(userId);
      else window.location.assign("/signin");
    },
  };
}

/** A flat form of strings (the request form's dotted paths): anything else in the draft is dropped. */
export function parseStringRecord(raw: unknown): Record<string, string> | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

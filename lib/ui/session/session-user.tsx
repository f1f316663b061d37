"use client";

import { createContext, useContext, useEffect, type ReactNode } from "react";
import { clearDrafts } from "./form-drafts";

const SessionUserContext = createContext<string | null>(null);

/**
 * The signed-in user's id for browser-side keeping of forms. Mounting it with a user removes
 * the drafts another user left in this tab: they are never shown to someone else.
 */
export function SessionUserProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  useEffect(() => {
    if (userId) clearDrafts(userId);
  }, [userId]);
  return <SessionUserContext.Provider value={userId}>{children}</SessionUserContext.Provider>;
}

export function useSessionUserId(): string | null {
  return useContext(SessionUserContext);
}

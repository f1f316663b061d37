"use client";

import { useSyncExternalStore } from "react";
import { isSessionOver, subscribeSessionOver } from "./session-over";

/** True once this tab knows its session is over (see session-over.ts). */
export function useSessionOver(): boolean {
  return useSyncExternalStore(subscribeSessionOver, isSessionOver, () => false);
}

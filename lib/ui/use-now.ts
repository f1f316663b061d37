"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * The current time, refreshed every `intervalMs`: waiting times count live.
 *
 * The server render and the browser's hydration pass must print the same markup, and their
 * clocks never agree (the page is hydrated a second or more after it was rendered, and waiting
 * times are shown to the second): both use `sharedInstant`, an instant both sides hold, such as
 * when the rows on screen were fetched (the dehydrated query carries it to the browser). Reading
 * Date.now() during render threw React's hydration error #418 on the worklist. Once hydrated,
 * the browser counts with its own clock.
 */
export function useNow(intervalMs: number, sharedInstant: number): number {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return inBrowser ? now : sharedInstant;
}

"use client";

import { useCallback, useEffect, useState } from "react";
import { SESSION_OVER_EVENT } from "./kept-forms";
import { markSessionOver } from "./session-over";
import { useSessionOver } from "./use-session-over";
import { expiryNotice, nextCheckInMs, type ExpiryNotice, type SessionExpiry } from "@/lib/domain/session-expiry";

// The session's end as the server says it (GET /api/session/expiry, which is not activity),
// asked again before the warning is due, often within it, and whenever the tab comes back to
// the front: another tab's activity, or its "stay signed in", moves the end.

type Known = { kind: "live"; expiry: SessionExpiry; receivedAt: number } | { kind: "over" } | { kind: "unknown" };

export function useSessionExpiry(enabled: boolean): { notice: ExpiryNotice; renew: () => Promise<void>; renewing: boolean } {
  const [known, setKnown] = useState<Known>({ kind: "unknown" });
  const [now, setNow] = useState(() => Date.now());
  const [renewing, setRenewing] = useState(false);
  const sessionOver = useSessionOver();

  const take = useCallback(async (answer: Promise<Response>) => {
    try {
      const response = await answer;
      if (response.status === 401) {
        setKnown({ kind: "over" });
        markSessionOver();
      }
      else if (response.ok) setKnown({ kind: "live", expiry: (await response.json()) as SessionExpiry, receivedAt: Date.now() });
      // Anything else (a restart, a proxy's 502): keep what was known and ask again later.
    } catch {
      // Offline for a moment: the same.
    }
    setNow(Date.now());
  }, []);

  const check = useCallback(() => take(fetch("/api/session/expiry", { cache: "no-store", credentials: "same-origin" })), [take]);

  useEffect(() => {
    if (!enabled) return;
    void check();
    const onFront = () => {
      if (document.visibilityState === "visible") void check();
    };
    const onRefused = () => void check();
    window.addEventListener("focus", onFront);
    window.addEventListener(SESSION_OVER_EVENT, onRefused);
    document.addEventListener("visibilitychange", onFront);
    return () => {
      window.removeEventListener("focus", onFront);
      window.removeEventListener(SESSION_OVER_EVENT, onRefused);
      document.removeEventListener("visibilitychange", onFront);
    };
  }, [enabled, check]);

  // A call refused as unauthenticated is enough: the notice does not wait for the server's answer.
  const notice: ExpiryNotice = known.kind === "over" || sessionOver ? { kind: "EXPIRED" } : known.kind === "live" ? expiryNotice(known.expiry, known.receivedAt, now) : { kind: "NONE" };

  // The next question to the server, and a tick each second while a countdown is shown.
  useEffect(() => {
    if (!enabled || known.kind !== "live") return;
    const ask = setTimeout(() => void check(), nextCheckInMs(known.expiry, known.receivedAt, Date.now()));
    const tick = notice.kind === "WARNING" ? setInterval(() => setNow(Date.now()), 1000) : undefined;
    return () => {
      clearTimeout(ask);
      clearInterval(tick);
    };
  }, [enabled, known, notice.kind, check]);

  const renew = useCallback(async () => {
    setRenewing(true);
    await take(fetch("/api/session/renew", { method: "POST", cache: "no-store", credentials: "same-origin" }));
    setRenewing(false);
  }, [take]);

  return { notice, renew, renewing };
}

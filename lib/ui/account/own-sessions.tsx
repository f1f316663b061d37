"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SESSION_METHODS, type SessionMethod } from "@/lib/domain/strong-authentication";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";

const methodOf = (value: string): SessionMethod => (SESSION_METHODS as readonly string[]).includes(value) ? (value as SessionMethod) : "PASSWORD";

/** The browsers signed in to one's account, and a button to end each of the others. */
export function OwnSessions() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.myAccount.sessions.queryOptions());
  const [feedback, setFeedback] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  const end = useMutation(
    trpc.myAccount.endSession.mutationOptions({
      onSuccess: () => setFeedback({ kind: "notice", text: t("account.mine.ended") }),
      onError: (error) => setFeedback({ kind: "error", text: errorMessage(error, t) }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.myAccount.sessions.queryKey() }),
    }),
  );
  return (
    <section className="panel" data-testid="own-sessions">
      <h2>{t("account.mine.sessionsTitle")}</h2>
      <p className="muted">{t("account.mine.sessionsIntro")}</p>
      <ul className="session-list">
        {sessions.data?.map((session) => (
          <li key={session.id} data-testid="own-session" data-current={session.current}>
            <div>
              <strong>{session.userAgent ? shortAgent(session.userAgent) : "?"}</strong>
              {session.current && <span className="badge"> {t("account.mine.thisOne")}</span>}
            </div>
            <div className="muted small">
              {t("account.mine.method")} : {t(`account.mine.methods.${methodOf(session.method)}`)} · {t("account.mine.from")} {session.address ?? "?"}
            </div>
            <div className="muted small">
              {t("account.mine.started")} <LocalDateTime date={session.createdAt} /> · {t("account.mine.lastSeen")} <LocalDateTime date={session.lastSeenAt} />
            </div>
            {!session.current && (
              <button type="button" className="secondary" disabled={end.isPending} onClick={() => end.mutate({ sessionId: session.id })}>
                {t("account.mine.end")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {feedback && (
        <p className={feedback.kind === "error" ? "form-error" : "notice"} role="status" data-testid="own-sessions-message">
          {feedback.text}
        </p>
      )}
    </section>
  );
}

/** "Chrome 156 on Linux" rather than the whole user-agent string. */
function shortAgent(userAgent: string): string {
  const browser = /(Firefox|Edg|Chrome|Chromium|Safari)\/(\d+)/.exec(userAgent);
  const system = /(Windows|Mac OS X|Android|iPhone|Linux)/.exec(userAgent);
  if (!browser) return userAgent.slice(0, 60);
  const name = browser[1] === "Edg" ? "Edge" : browser[1];
  return `${name} ${browser[2]}${system ? ` · ${system[1]}` : ""}`;
}

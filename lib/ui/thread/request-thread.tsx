"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { QUICK_ACTIONS, THREAD_BODY_MAX, type QuickAction } from "@/lib/domain/thread";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { ThreadMessageDto } from "@/lib/server/services/thread/thread-dto";
import { errorMessage, failureHidesContent, serverFieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { useKeptForm } from "../session/use-kept-form";

/** A kept message is plain text; anything else in the tab's storage is dropped. */
function parseKeptText(raw: unknown): string | null {
  return typeof raw === "string" && raw.length > 0 ? raw : null;
}

/**
 * The request's conversation between requester, radiologist and radiographer. New messages
 * arrive live (a `thread.changed` hint refetches it). Messages are never edited or deleted.
 */
export function RequestThread(props: { requestId: string; actorId?: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const query = useQuery(trpc.thread.byRequest.queryOptions({ requestId: props.requestId }));
  const thread = query.data;

  return (
    <section className="panel" data-testid="thread" aria-labelledby="thread-title">
      <h2 id="thread-title">{t("thread.title")}</h2>
      {failureHidesContent(query) && <p className="form-error">{errorMessage(query.error, t)}</p>}
      {!thread && !query.error && <p className="muted">{t("app.loading")}</p>}
      {thread && <MessageList messages={thread.messages} actorId={props.actorId} />}
      {thread && (thread.canPost ? <Composer requestId={props.requestId} /> : <p className="muted">{t("thread.readOnly")}</p>)}
      <p className="muted" style={{ fontSize: "0.8rem", marginBottom: 0 }}>
        {t("thread.permanent")}
      </p>
    </section>
  );
}

function MessageList(props: { messages: ThreadMessageDto[]; actorId?: string }) {
  const { t } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  const lastId = props.messages.at(-1)?.id;
  // Follow the conversation: the newest message is in view when it arrives.
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastId]);

  if (props.messages.length === 0) return <p className="muted">{t("thread.empty")}</p>;
  return (
    <ol ref={listRef} className="timeline" style={{ maxHeight: "24rem", overflowY: "auto" }} aria-live="polite">
      {props.messages.map((message) => (
        <li key={message.id} data-testid="thread-message" data-quick-action={message.quickAction ?? undefined} data-author-id={message.author.id}>
          <div>
            <strong>{message.author.id === props.actorId ? `${message.author.name} (${t("thread.you")})` : message.author.name}</strong>{" "}
            <span className="muted">· {t(`roles.${message.author.role}` as MessageKey)} ·</span> <LocalDateTime date={message.at} />
          </div>
          {message.quickAction && (
            <div>
              <span className="badge">{t(`thread.quickActions.${message.quickAction}`)}</span>
            </div>
          )}
          {message.body && <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{message.body}</div>}
        </li>
      ))}
    </ol>
  );
}

function Composer(props: { requestId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  // A message typed when the session ended is kept in the tab and given back after signing in.
  const [restored, setRestored] = useState(false);
  useKeptForm(`thread.${props.requestId}`, text, parseKeptText, (kept) => {
    setText(kept);
    setRestored(true);
  });

  const post = useMutation(
    trpc.thread.post.mutationOptions({
      onSuccess: () => {
        setText("");
        setError(null);
        setRestored(false);
      },
      onError: (failure) => {
        const field = serverFieldErrors(failure).body;
        setError(field ? t(field as MessageKey) : errorMessage(failure, t));
      },
      // The hint refetches it too; this covers a tab whose socket is down.
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.thread.byRequest.queryKey({ requestId: props.requestId }) }),
    }),
  );

  const blank = text.trim().length === 0;
  const send = (quickAction: QuickAction | null) => {
    if (post.isPending || (quickAction === null && blank)) return;
    post.mutate({ requestId: props.requestId, body: text, quickAction });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send(null);
    }
  };

  return (
    <form onSubmit={onSubmit} style={{ marginTop: "0.75rem" }}>
      <div role="group" aria-label={t("thread.quickActionsLabel")} style={{ display: "flex", flexWrap: "wrap", gap: "0.4rem", marginBottom: "0.5rem" }}>
        {QUICK_ACTIONS.map((action) => (
          <button key={action} type="button" className="secondary" data-testid={`quick-action-${action}`} disabled={post.isPending} onClick={() => send(action)}>
            {t(`thread.quickActions.${action}`)}
          </button>
        ))}
      </div>
      <label htmlFor="thread-input">{t("thread.inputLabel")}</label>
      <textarea
        id="thread-input"
        data-testid="thread-input"
        value={text}
        maxLength={THREAD_BODY_MAX}
        placeholder={t("thread.placeholder")}
        aria-describedby="thread-hint"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div style={{ display: "flex", alignItems: "center", gap: "0.75rem", marginTop: "0.4rem" }}>
        <button type="submit" data-testid="thread-send" disabled={post.isPending || blank}>
          {post.isPending ? t("thread.sending") : t("thread.send")}
        </button>
        <span id="thread-hint" className="muted" style={{ flex: 1, fontSize: "0.8rem" }}>
          {t("thread.quickActionHint")}
        </span>
        <span className="muted" style={{ fontSize: "0.8rem" }}>
          {t("thread.characters", { count: text.length, max: THREAD_BODY_MAX })}
        </span>
      </div>
      {restored && (
        <p className="notice" role="status" data-testid="thread-restored">
          {t("session.restored")}
        </p>
      )}
      {error && (
        <p role="alert" className="action-error">
          {error}
        </p>
      )}
    </form>
  );
}

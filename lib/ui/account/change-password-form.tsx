"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

/** One's own password: the current one again, the new one twice. Other sessions end. */
export function ChangePasswordForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [feedback, setFeedback] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  const change = useMutation(
    trpc.myAccount.changePassword.mutationOptions({
      onSuccess: (result) => {
        setFeedback({ kind: "notice", text: t("account.mine.changed", { count: String(result.sessionsEnded) }) });
        setCurrent("");
        setNext("");
        setConfirm("");
      },
      onError: (error) => setFeedback({ kind: "error", text: errorMessage(error, t) }),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.myAccount.sessions.queryKey() }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== confirm) {
      setFeedback({ kind: "error", text: t("account.mine.mismatch") });
      return;
    }
    setFeedback(null);
    change.mutate({ currentPassword: current, newPassword: next });
  }

  return (
    <section className="panel" data-testid="change-password">
      <h2>{t("account.mine.passwordTitle")}</h2>
      <p className="muted">{t("account.mine.passwordIntro")}</p>
      <form className="stacked-form" onSubmit={submit}>
        <label>
          {t("account.mine.current")}
          <input type="password" name="currentPassword" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </label>
        <label>
          {t("account.mine.new")}
          <input type="password" name="newPassword" autoComplete="new-password" minLength={12} value={next} onChange={(e) => setNext(e.target.value)} required />
        </label>
        <label>
          {t("account.mine.confirm")}
          <input type="password" name="confirmPassword" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required />
        </label>
        <div>
          <button type="submit" disabled={change.isPending || !current || !next}>
            {t("account.mine.change")}
          </button>
        </div>
        {feedback && (
          <p className={feedback.kind === "error" ? "form-error" : "notice"} role="status" data-testid="change-password-message">
            {feedback.text}
          </p>
        )}
      </form>
    </section>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type RefObject } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";

/**
 * Signing is an act in person: the password is asked again at this moment. What is missing
 * is listed before anything is sent; the version signed is the one last saved.
 */
export function SignForm(props: { requestId: string; draftId: string; missing: string[]; flush: () => Promise<boolean>; version: RefObject<number> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const sign = useMutation(
    trpc.reports.sign.mutationOptions({
      onSuccess: () => setPassword(""),
      onError: (e) => setError(errorMessage(e, t)),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.reports.forRequest.queryKey({ requestId: props.requestId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId: props.requestId }) }),
        ]),
    }),
  );
  const submit = async () => {
    setError(null);
    if (!(await props.flush())) return;
    sign.mutate({ requestId: props.requestId, draftId: props.draftId, draftVersion: props.version.current, password });
  };
  return (
    <form
      className="panel sign-form"
      data-testid="sign-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t("report.sign.title")}</h3>
      {props.missing.length > 0 ? (
        <div className="warning" data-testid="missing-fields">
          {t("report.sign.missing")}
          <ul>
            {props.missing.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">{t("report.sign.reauth")}</p>
      )}
      <div className="field">
        <label htmlFor="sign-password">{t("report.sign.password")}</label>
        <input id="sign-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" disabled={props.missing.length > 0 || password === "" || sign.isPending}>
        {sign.isPending ? t("report.sign.signing") : t("report.sign.submit")}
      </button>
      {error && (
        <p className="action-error" role="alert" data-testid="sign-error">
          {error}
        </p>
      )}
    </form>
  );
}

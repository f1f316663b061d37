"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type RefObject } from "react";
import type { SignReportInput } from "@/lib/domain/reports/report-schemas";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { startOidcStepUp } from "@/lib/ui/auth/start-oidc-step-up";

type Proof = NonNullable<SignReportInput["proof"]>;
type PasskeyResponse = Extract<Proof, { kind: "WEBAUTHN" }>["response"];
type Reauth = { password: string } | { proof: Proof } | Record<string, never>;

/**
 * Signing is an act in person, re-authenticated at this moment with the strength of the
 * sign-in (lib/domain/strong-authentication.ts): a code from the app or a passkey for an
 * account with a second factor, a Pro Santé Connect step-up for an OIDC session, the password
 * otherwise. What is missing is listed before anything is sent; the version signed is the one
 * last saved.
 */
export function SignForm(props: { requestId: string; draftId: string; missing: string[]; flush: () => Promise<boolean>; version: RefObject<number> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const options = useQuery(trpc.security.signatureOptions.queryOptions());
  const stepUpOptions = useMutation(trpc.security.stepUpPasskeyOptions.mutationOptions());
  const sign = useMutation(
    trpc.reports.sign.mutationOptions({
      onSuccess: () => {
        setPassword("");
        setCode("");
      },
      onError: (e) => setError(errorMessage(e, t)),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.reports.forRequest.queryKey({ requestId: props.requestId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.requests.byId.queryKey({ requestId: props.requestId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.security.signatureOptions.queryKey() }),
        ]),
    }),
  );
  const submit = async (reauth: Reauth) => {
    setError(null);
    if (!(await props.flush())) return;
    sign.mutate({ requestId: props.requestId, draftId: props.draftId, draftVersion: props.version.current, ...reauth });
  };
  const withPasskey = async () => {
    setError(null);
    const optionsJSON = await stepUpOptions.mutateAsync().catch(() => null);
    const response = optionsJSON ? await startAuthentication({ optionsJSON }).catch(() => null) : null;
    if (!response) {
      setError(t("security.secondStep.passkeyFailed"));
      return;
    }
    await submit({ proof: { kind: "WEBAUTHN", response: response as unknown as PasskeyResponse } });
  };

  const can = options.data;
  const blocked = props.missing.length > 0 || sign.isPending || !can;
  const byFactor = can && (can.totp || can.passkey);
  return (
    <form
      className="panel sign-form"
      data-testid="sign-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (can?.totp && code.trim() !== "") void submit({ proof: { kind: "TOTP", code } });
        else if (can?.password) void submit({ password });
        else if (can?.recentOidc) void submit({});
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
        <p className="muted">{byFactor ? t("security.signature.reauthFactor") : can?.oidcStepUp ? t("security.signature.reauthOidc") : t("report.sign.reauth")}</p>
      )}
      {can?.totp && (
        <div className="field">
          <label htmlFor="sign-code">{t("security.signature.code")}</label>
          <input id="sign-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
      )}
      {can?.password && (
        <div className="field">
          <label htmlFor="sign-password">{t("report.sign.password")}</label>
          <input id="sign-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
      )}
      {can?.recentOidc && <p className="muted">{t("security.signature.oidcRecent")}</p>}
      <div className="sign-actions">
        {(can?.totp || can?.password || can?.recentOidc) && (
          <button type="submit" disabled={blocked || (can.totp && !can.recentOidc && code.trim() === "") || (can.password && password === "")}>
            {sign.isPending ? t("report.sign.signing") : t("report.sign.submit")}
          </button>
        )}
        {can?.passkey && (
          <button type="button" className={can.totp ? "secondary" : undefined} disabled={blocked} onClick={() => void withPasskey()}>
            {t("security.signature.usePasskey")}
          </button>
        )}
        {can?.oidcStepUp && !can.recentOidc && (
          <button
            type="button"
            disabled={blocked}
            onClick={() => {
              void (async () => {
                if (await props.flush()) await startOidcStepUp(window.location.pathname + window.location.search).catch(() => setError(t("security.signature.oidcFailed")));
              })();
            }}
          >
            {t("security.signature.oidcStepUp")}
          </button>
        )}
      </div>
      {error && (
        <p className="action-error" role="alert" data-testid="sign-error">
          {error}
        </p>
      )}
    </form>
  );
}

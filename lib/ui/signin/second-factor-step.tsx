"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { signInErrorOf, type SecondFactorChallenge, type SignInError } from "./sign-in-error";

type Mode = "TOTP" | "RECOVERY";

/**
 * The second step of a sign-in: the password was right, no session exists yet. A code from
 * the app, a passkey, or a recovery code; a wrong one counts like a wrong password.
 */
export function SecondFactorStep({ challenge, onRestart, returnTo }: { challenge: SecondFactorChallenge; onRestart: () => void; returnTo: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>(challenge.totp ? "TOTP" : "RECOVERY");
  const [code, setCode] = useState("");
  const [error, setError] = useState<SignInError | "passkey" | null>(null);
  const [pending, setPending] = useState(false);
  const passkeyOptions = useMutation(trpc.security.signInPasskeyOptions.mutationOptions());

  async function finish(proof: unknown) {
    const result = await signIn("second-factor", { ticket: challenge.ticket, proof: JSON.stringify(proof), redirect: false });
    if (!result || result.error || !result.ok) {
      setError(signInErrorOf(result?.error));
      setPending(false);
      setCode("");
      return;
    }
    window.location.assign(returnTo ?? "/");
  }

  async function submitCode(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    await finish({ kind: mode, code });
  }

  async function signWithPasskey() {
    setPending(true);
    setError(null);
    const optionsJSON = await passkeyOptions.mutateAsync({ ticket: challenge.ticket }).catch(() => null);
    if (!optionsJSON) {
      // The only refusal here is a ticket no longer live.
      setError({ kind: "expired" });
      setPending(false);
      return;
    }
    const response = await startAuthentication({ optionsJSON }).catch(() => null);
    if (!response) {
      setError("passkey");
      setPending(false);
      return;
    }
    await finish({ kind: "WEBAUTHN", response });
  }

  const expired = error !== null && error !== "passkey" && error.kind === "expired";
  return (
    <form className="panel second-factor" onSubmit={(event) => void submitCode(event)} noValidate data-testid="second-factor-step">
      <h2>{t("security.secondStep.title")}</h2>
      <p className="muted">{t("security.secondStep.intro")}</p>
      {!expired && (
        <>
          <div>
            <label htmlFor="second-factor-code">{mode === "TOTP" ? t("security.secondStep.code") : t("security.secondStep.recovery")}</label>
            <input
              id="second-factor-code"
              autoComplete="one-time-code"
              inputMode={mode === "TOTP" ? "numeric" : "text"}
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <p className="second-factor-actions">
            <button type="submit" disabled={pending || code.trim() === ""}>
              {t("security.secondStep.submit")}
            </button>
            {challenge.passkey && (
              <button type="button" className="secondary" disabled={pending} onClick={() => void signWithPasskey()}>
                {t("security.secondStep.usePasskey")}
              </button>
            )}
            {mode === "TOTP" ? (
              <button type="button" className="link-button" onClick={() => setMode("RECOVERY")}>
                {t("security.secondStep.useRecovery")}
              </button>
            ) : (
              challenge.totp && (
                <button type="button" className="link-button" onClick={() => setMode("TOTP")}>
                  {t("security.secondStep.useCode")}
                </button>
              )
            )}
          </p>
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="sign-in-error">
          {error === "passkey"
            ? t("security.secondStep.passkeyFailed")
            : error.kind === "throttled"
              ? t("signin.throttled", { seconds: error.seconds })
              : error.kind === "locked"
                ? t("signin.locked", { minutes: error.minutes })
                : error.kind === "expired"
                  ? t("security.secondStep.expired")
                  : t("security.secondStep.failed")}
        </p>
      )}
      {expired && (
        <button type="button" onClick={onRestart}>
          {t("security.secondStep.restart")}
        </button>
      )}
    </form>
  );
}

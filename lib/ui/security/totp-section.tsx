"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { ConfirmIdentityForm } from "./confirm-identity-form";

/** The TOTP app: set up (QR code and key, confirmed by a first code), or removed. */
export function TotpSection(props: { state: "NONE" | "PENDING" | "ENROLLED"; onChanged: (recoveryCodes?: string[] | null) => Promise<void> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(trpc.security.startTotp.mutationOptions({ onError: (e) => setError(errorMessage(e, t)) }));
  const confirm = useMutation(
    trpc.security.confirmTotp.mutationOptions({
      onSuccess: async (result) => {
        start.reset();
        setCode("");
        await props.onChanged(result.recoveryCodes);
      },
      onError: (e) => setError(errorMessage(e, t)),
    }),
  );
  const remove = useMutation(
    trpc.security.removeFactor.mutationOptions({
      onSuccess: async () => {
        setRemoving(false);
        await props.onChanged();
      },
      onError: (e) => setError(errorMessage(e, t)),
    }),
  );
  const enrolment = start.data;

  return (
    <section className="panel" data-testid="totp-section">
      <h2>{t("security.totp.title")}</h2>
      {props.state === "ENROLLED" ? (
        <>
          <p>{t("security.totp.enrolled")}</p>
          {removing ? (
            <ConfirmIdentityForm
              withCode
              pending={remove.isPending}
              error={error}
              onConfirm={(confirmation) => {
                setError(null);
                remove.mutate({ factor: { kind: "TOTP" }, confirmation });
              }}
              onCancel={() => setRemoving(false)}
            />
          ) : (
            <button type="button" className="secondary" onClick={() => setRemoving(true)}>
              {t("security.totp.remove")}
            </button>
          )}
        </>
      ) : enrolment ? (
        <form
          className="totp-enrolment"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            confirm.mutate({ code });
          }}
        >
          <p>{t("security.totp.scan")}</p>
          <div className="totp-setup">
            {/* A data URL made on the server: nothing for an image optimiser to do. */}
            <img src={enrolment.qrDataUrl} alt={t("security.totp.qrAlt")} width={220} height={220} data-testid="totp-qr" />
            <div>
              <p className="muted">{t("security.totp.secretLabel")}</p>
              <code className="totp-secret" data-testid="totp-secret">
                {enrolment.secret.match(/.{1,4}/g)?.join(" ")}
              </code>
              <div className="field">
                <label htmlFor="totp-code">{t("security.totp.code")}</label>
                <input id="totp-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
              </div>
              <button type="submit" disabled={confirm.isPending || code.trim() === ""}>
                {t("security.totp.confirm")}
              </button>
            </div>
          </div>
        </form>
      ) : (
        <>
          <p className="muted">{t("security.totp.none")}</p>
          <button type="button" disabled={start.isPending} onClick={() => start.mutate()}>
            {t("security.totp.start")}
          </button>
        </>
      )}
      {error && !removing && (
        <p className="action-error" role="alert" data-testid="totp-error">
          {error}
        </p>
      )}
    </section>
  );
}

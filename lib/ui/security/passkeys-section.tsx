"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";
import { ConfirmIdentityForm } from "./confirm-identity-form";

interface PasskeyRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Passkeys: named, several allowed, each removable after the password or a code. */
export function PasskeysSection(props: { passkeys: PasskeyRow[]; withCode: boolean; onChanged: (recoveryCodes?: string[] | null) => Promise<void> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = useMutation(trpc.security.passkeyRegistrationOptions.mutationOptions());
  const register = useMutation(trpc.security.registerPasskey.mutationOptions());
  const remove = useMutation(
    trpc.security.removeFactor.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await props.onChanged();
      },
      onError: (e) => setError(errorMessage(e, t)),
    }),
  );

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const optionsJSON = await options.mutateAsync();
      const response = await startRegistration({ optionsJSON }).catch(() => null);
      if (!response) {
        setError(t("security.passkeys.failed"));
        return;
      }
      const result = await register.mutateAsync({ name, response: response as unknown as Parameters<typeof register.mutateAsync>[0]["response"] });
      setName("");
      await props.onChanged(result.recoveryCodes);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" data-testid="passkeys-section">
      <h2>{t("security.passkeys.title")}</h2>
      {props.passkeys.length === 0 ? (
        <p className="muted">{t("security.passkeys.none")}</p>
      ) : (
        <ul className="passkey-list">
          {props.passkeys.map((passkey) => (
            <li key={passkey.id} data-testid="passkey">
              <strong>{passkey.name}</strong>{" "}
              <span className="muted">
                {t("security.passkeys.added")}{" "}
                <LocalDateTime date={passkey.createdAt} />
                {passkey.lastUsedAt && (
                  <>
                    {", "}
                    {t("security.passkeys.lastUsed")}{" "}
                    <LocalDateTime date={passkey.lastUsedAt} />
                  </>
                )}
              </span>
              {removing === passkey.id ? (
                <ConfirmIdentityForm
                  withCode={props.withCode}
                  pending={remove.isPending}
                  error={error}
                  onConfirm={(confirmation) => {
                    setError(null);
                    remove.mutate({ factor: { kind: "PASSKEY", passkeyId: passkey.id }, confirmation });
                  }}
                  onCancel={() => setRemoving(null)}
                />
              ) : (
                <button type="button" className="secondary" onClick={() => setRemoving(passkey.id)}>
                  {t("security.passkeys.remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="passkey-add" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label htmlFor="passkey-name">{t("security.passkeys.name")}</label>
          <input id="passkey-name" maxLength={60} placeholder={t("security.passkeys.namePlaceholder")} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" disabled={busy || name.trim() === ""}>
          {t("security.passkeys.add")}
        </button>
      </form>
      {error && removing === null && (
        <p className="action-error" role="alert" data-testid="passkey-error">
          {error}
        </p>
      )}
    </section>
  );
}

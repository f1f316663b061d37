"use client";

import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";

export type IdentityConfirmation = { kind: "PASSWORD"; password: string } | { kind: "TOTP"; code: string };

/** The password, or a current code from the app, before removing a factor or replacing the recovery codes. */
export function ConfirmIdentityForm(props: { withCode: boolean; pending: boolean; error: string | null; onConfirm: (confirmation: IdentityConfirmation) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  return (
    <form
      className="confirm-identity"
      data-testid="confirm-identity"
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm(code.trim() !== "" ? { kind: "TOTP", code } : { kind: "PASSWORD", password });
      }}
    >
      <p className="muted">{t("security.confirm.title")}</p>
      <div className="field">
        <label htmlFor="confirm-password">{t("security.confirm.password")}</label>
        <input id="confirm-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      {props.withCode && (
        <div className="field">
          <label htmlFor="confirm-code">{t("security.confirm.code")}</label>
          <input id="confirm-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
      )}
      <p className="row-actions">
        <button type="submit" disabled={props.pending || (password === "" && code.trim() === "")}>
          {t("security.confirm.submit")}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t("security.confirm.cancel")}
        </button>
      </p>
      {props.error && (
        <p className="action-error" role="alert">
          {props.error}
        </p>
      )}
    </form>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import { roleNeedsSite } from "@/lib/domain/accounts/account-schema";
import { ROLES, type Role } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";

export interface AccountFields {
  email: string;
  displayName: string;
  role: Role;
  siteId: string;
  rpps: string;
}

export const EMPTY_ACCOUNT: AccountFields = { email: "", displayName: "", role: "REFERRER", siteId: "", rpps: "" };

/** The fields of an account, for creation and edition; field errors come from the server's schema. */
export function AccountForm(props: {
  initial: AccountFields;
  sites: readonly { id: string; code: string; name: string }[];
  fieldErrors: Record<string, string>;
  submitLabel: string;
  pending: boolean;
  onSubmit: (fields: AccountFields) => void;
  onCancel?: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState(props.initial);
  const set = <K extends keyof AccountFields>(key: K, value: AccountFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const error = (key: string) => props.fieldErrors[key] && <div className="field-error">{t(props.fieldErrors[key] as MessageKey)}</div>;

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(fields);
  }

  return (
    <form className="account-form" onSubmit={submit} data-testid={props.testId} noValidate>
      <label>
        {t("account.admin.name")}
        <input name="displayName" value={fields.displayName} onChange={(e) => set("displayName", e.target.value)} autoComplete="off" required maxLength={200} />
        {error("displayName")}
      </label>
      <label>
        {t("account.admin.email")}
        <input name="email" type="email" value={fields.email} onChange={(e) => set("email", e.target.value)} autoComplete="off" required maxLength={254} />
        {error("email")}
      </label>
      <label>
        {t("account.admin.role")}
        <select name="role" value={fields.role} onChange={(e) => set("role", e.target.value as Role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {error("role")}
      </label>
      <label>
        {t("account.admin.site")}
        <select name="siteId" value={fields.siteId} onChange={(e) => set("siteId", e.target.value)} required={roleNeedsSite(fields.role)}>
          <option value="">{roleNeedsSite(fields.role) ? t("form.choose") : t("account.admin.noSite")}</option>
          {props.sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.code} · {site.name}
            </option>
          ))}
        </select>
        {error("siteId")}
      </label>
      <label>
        {t("account.admin.rpps")}
        <input name="rpps" inputMode="numeric" value={fields.rpps} onChange={(e) => set("rpps", e.target.value)} autoComplete="off" maxLength={14} aria-describedby={`${props.testId}-rpps-hint`} />
        <span className="muted small" id={`${props.testId}-rpps-hint`}>
          {t("account.admin.rppsHint")}
        </span>
        {error("rpps")}
      </label>
      <div className="account-form-actions">
        <button type="submit" disabled={props.pending}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t("account.admin.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

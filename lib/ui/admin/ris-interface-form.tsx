"use client";

import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";

export interface RisInterfaceFields {
  siteId: string;
  label: string;
  sendingApplication: string;
  sendingFacility: string;
  allowedNetworksText: string;
  outboundHost: string;
  outboundPort: string;
  receivingApplication: string;
  receivingFacility: string;
  active: boolean;
}

export const EMPTY_RIS_INTERFACE: RisInterfaceFields = {
  siteId: "",
  label: "",
  sendingApplication: "",
  sendingFacility: "",
  allowedNetworksText: "",
  outboundHost: "",
  outboundPort: "",
  receivingApplication: "",
  receivingFacility: "",
  active: true,
};

/**
 * What the procedures take: the address lines (the server checks each and names the wrong one),
 * the port as a number (null when empty; a text that is no number goes as 0, which the schema refuses as a port).
 */
export function risInterfacePayload(fields: RisInterfaceFields) {
  const { allowedNetworksText, outboundPort, siteId: _siteId, active: _active, ...rest } = fields;
  const port = outboundPort.trim();
  return {
    ...rest,
    allowedNetworks: allowedNetworksText.split(/[\n,;]+/).map((line) => line.trim()).filter((line) => line !== ""),
    outboundPort: port === "" ? null : /^[0-9]{1,6}$/.test(port) ? Number(port) : 0,
  };
}

/** The fields of a RIS interface, for creation (with its site) and edition (with its active switch). */
export function RisInterfaceForm(props: {
  mode: "create" | "edit";
  initial: RisInterfaceFields;
  sites: readonly { id: string; code: string; name: string }[];
  /** Translated messages by field name. */
  fieldErrors: Record<string, string>;
  pending: boolean;
  onSubmit: (fields: RisInterfaceFields) => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState(props.initial);
  const set = <K extends keyof RisInterfaceFields>(key: K, value: RisInterfaceFields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const error = (key: string) =>
    props.fieldErrors[key] && (
      <div className="field-error" role="alert">
        {props.fieldErrors[key]}
      </div>
    );
  const text = (key: "label" | "sendingApplication" | "sendingFacility" | "outboundHost" | "receivingApplication" | "receivingFacility", maxLength: number) => (
    <label>
      {t(`ris.${key}`)}
      <input name={key} value={fields[key]} onChange={(e) => set(key, e.target.value)} autoComplete="off" spellCheck={false} maxLength={maxLength + 20} />
      {error(key)}
    </label>
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(fields);
  }

  return (
    <form className="account-form" onSubmit={submit} data-testid={props.testId} noValidate>
      {props.mode === "create" ? (
        <label>
          {t("ris.site")}
          <select name="siteId" value={fields.siteId} onChange={(e) => set("siteId", e.target.value)}>
            <option value="">{t("ris.chooseSite")}</option>
            {props.sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.code} · {site.name}
              </option>
            ))}
          </select>
          {error("siteId")}
        </label>
      ) : (
        <label className="ris-active">
          <input type="checkbox" name="active" checked={fields.active} onChange={(e) => set("active", e.target.checked)} />
          {t("ris.activeField")}
        </label>
      )}
      {text("label", 200)}
      {text("sendingApplication", 227)}
      {text("sendingFacility", 227)}
      <label>
        {t("ris.allowedNetworks")}
        <textarea name="allowedNetworks" rows={2} value={fields.allowedNetworksText} spellCheck={false} onChange={(e) => set("allowedNetworksText", e.target.value)} aria-describedby={`${props.testId}-networks-hint`} />
        <span className="muted small" id={`${props.testId}-networks-hint`}>
          {t("ris.allowedNetworksHint")}
        </span>
        {error("allowedNetworks")}
      </label>
      <fieldset className="ris-outbound">
        <legend>{t("ris.outbound")}</legend>
        <p className="muted small">{t("ris.outboundHint")}</p>
        <div className="account-form">
          {text("outboundHost", 253)}
          <label>
            {t("ris.outboundPort")}
            <input name="outboundPort" inputMode="numeric" value={fields.outboundPort} onChange={(e) => set("outboundPort", e.target.value)} autoComplete="off" maxLength={6} />
            {error("outboundPort")}
          </label>
          {text("receivingApplication", 227)}
          {text("receivingFacility", 227)}
        </div>
      </fieldset>
      <div className="account-form-actions">
        <button type="submit" disabled={props.pending}>
          {props.mode === "create" ? t("ris.create") : t("ris.save")}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t("ris.cancel")}
        </button>
      </div>
    </form>
  );
}

"use client";

import { MODALITIES, TEMPLATE_PURPOSES, type Modality, type TemplatePurpose } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/types";
import type { TemplateDraft } from "./template-skeleton";

type Meta = Pick<TemplateDraft, "title" | "purpose" | "modality">;

/** Code (new templates only), title, purpose and suggested modality of the version being edited. */
export function TemplateMetaFields(props: {
  code: { value: string; onChange: (code: string) => void } | null;
  meta: Meta;
  onChange: (meta: Meta) => void;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const { meta, onChange, errors } = props;
  const error = (field: string) =>
    errors[field] ? (
      <span className="field-error" id={`template-${field}-error`}>
        {t(errors[field] as MessageKey)}
      </span>
    ) : null;
  return (
    <div className="grid">
      {props.code && (
        <label>
          {t("templates.editor.code")}
          <input
            id="template-code"
            value={props.code.value}
            maxLength={64}
            autoComplete="off"
            onChange={(e) => props.code?.onChange(e.target.value)}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby="template-code-hint"
          />
          <span className="muted" id="template-code-hint" style={{ fontSize: "0.8rem" }}>
            {t("templates.editor.codeHint")}
          </span>
          {error("code")}
        </label>
      )}
      <label>
        {t("templates.editor.name")}
        <input id="template-title" value={meta.title} maxLength={200} onChange={(e) => onChange({ ...meta, title: e.target.value })} aria-invalid={errors.title ? true : undefined} />
        {error("title")}
      </label>
      <label>
        {t("templates.editor.purpose")}
        <select id="template-purpose" value={meta.purpose} onChange={(e) => onChange({ ...meta, purpose: e.target.value as TemplatePurpose })}>
          {TEMPLATE_PURPOSES.map((purpose) => (
            <option key={purpose} value={purpose}>
              {t(`templates.purpose.${purpose}`)}
            </option>
          ))}
        </select>
        {error("purpose")}
      </label>
      <label>
        {t("templates.editor.modality")}
        <select id="template-modality" value={meta.modality ?? ""} onChange={(e) => onChange({ ...meta, modality: e.target.value === "" ? null : (e.target.value as Modality) })}>
          <option value="">{t("templates.anyModality")}</option>
          {MODALITIES.map((modality) => (
            <option key={modality} value={modality}>
              {t(`modality.${modality}`)}
            </option>
          ))}
        </select>
        {error("modality")}
      </label>
    </div>
  );
}

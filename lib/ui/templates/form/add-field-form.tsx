"use client";

import { useState, type FormEvent } from "react";
import type { TemplateFieldKind } from "@/lib/domain/reports/template-definition";
import { FIELD_KINDS } from "@/lib/domain/reports/template-editing/new-field";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** A label and a type, then "Ajouter le champ" (or Enter): the focus stays here for the next one. */
export function AddFieldForm({ idBase, onAdd }: { idBase: string; onAdd: (label: string, kind: TemplateFieldKind) => void }) {
  const { t } = useI18n();
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState<TemplateFieldKind>("text");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === "") return;
    onAdd(label, kind);
    setLabel("");
  };
  return (
    <form className="tpl-row tpl-add" onSubmit={submit} data-testid="add-field-form">
      <div className="tpl-grow">
        <label htmlFor={`${idBase}-new-label`}>{t("templates.form.newFieldLabel")}</label>
        <input id={`${idBase}-new-label`} value={label} maxLength={200} required onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div>
        <label htmlFor={`${idBase}-new-kind`}>{t("templates.form.newFieldKind")}</label>
        <select id={`${idBase}-new-kind`} value={kind} onChange={(e) => setKind(e.target.value as TemplateFieldKind)}>
          {FIELD_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`templates.form.kinds.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary">
        {t("templates.form.addField")}
      </button>
    </form>
  );
}

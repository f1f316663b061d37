"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import type { FieldValue, TemplateField } from "@/lib/domain/reports/template-definition";

/** One template field as an input of the right kind; the value stays typed (number, boolean). */
export function FieldInput(props: {
  field: TemplateField;
  value: FieldValue;
  missing: boolean;
  onChange: (value: FieldValue) => void;
  onFocus: () => void;
  /** Another prefix for the input's id, where the form is shown elsewhere (the template editor's preview). */
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const { field, value, onChange, onFocus } = props;
  const id = `${props.idPrefix ?? "report-field-"}${field.id}`;
  const label = (
    <label htmlFor={id}>
      {field.label}
      {field.required && <span aria-hidden="true"> *</span>}
      {field.kind === "number" && field.unit ? ` (${field.unit})` : ""}
      {field.kind === "score" ? ` (${field.min}–${field.max})` : ""}
    </label>
  );
  const common = { id, onFocus, "aria-invalid": props.missing || undefined, "data-field": field.id };
  return (
    <div className={`field report-field${props.missing ? " missing" : ""}`}>
      {label}
      {field.kind === "text" &&
        (field.multiline ? (
          <textarea {...common} rows={4} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type="text" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />
        ))}
      {field.kind === "choice" && (
        <select {...common} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}>
          <option value="">{t("report.choose")}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
      {(field.kind === "number" || field.kind === "score") && (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          step={field.kind === "score" ? 1 : "any"}
          min={field.min}
          max={field.max}
          value={typeof value === "number" ? value : ""}
          onChange={(e) => onChange(e.target.value === "" || Number.isNaN(e.target.valueAsNumber) ? null : e.target.valueAsNumber)}
        />
      )}
      {field.kind === "yesno" && (
        <select {...common} value={value === true ? "yes" : value === false ? "no" : ""} onChange={(e) => onChange(e.target.value === "" ? null : e.target.value === "yes")}>
          <option value="">{t("report.choose")}</option>
          <option value="yes">{t("report.yes")}</option>
          <option value="no">{t("report.no")}</option>
        </select>
      )}
    </div>
  );
}

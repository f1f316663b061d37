"use client";

import { useId } from "react";
import type { TemplateDefinition, TemplateField } from "@/lib/domain/reports/template-definition";
import { useI18n } from "@/lib/i18n/i18n-provider";

/**
 * The form as the radiologist will see it: sections, labels, required marks, units, options
 * and defaults. Its inputs can be tried but keep nothing; each one is re-created when its
 * field's definition changes, so the defaults shown are always the edited ones.
 */
export function TemplatePreview({ definition, testId = "template-preview" }: { definition: TemplateDefinition; testId?: string }) {
  // Two previews may share the page (the editor's and an older version's): ids stay distinct.
  const prefix = useId();
  return (
    <div data-testid={testId} style={{ display: "grid", gap: "0.75rem" }}>
      {definition.sections.map((section) => (
        <fieldset key={section.id} style={{ border: "1px solid var(--line)", borderRadius: 8, padding: "0.5rem 0.75rem" }}>
          <legend style={{ fontWeight: 700 }}>{section.title}</legend>
          <div style={{ display: "grid", gap: "0.5rem" }}>
            {section.fields.map((field) => (
              <PreviewField key={`${field.id}:${JSON.stringify(field)}`} inputId={`${prefix}-${field.id}`} field={field} isConclusion={field.id === definition.conclusionFieldId} />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function PreviewField({ field, inputId, isConclusion }: { field: TemplateField; inputId: string; isConclusion: boolean }) {
  const { t } = useI18n();
  return (
    <div data-testid="preview-field" data-field-id={field.id} data-kind={field.kind}>
      <label htmlFor={inputId} style={{ fontWeight: 600 }}>
        {field.label}
        {field.required && (
          <span title={t("templates.preview.required")} aria-label={t("templates.preview.required")} style={{ color: "var(--error)" }}>
            {" *"}
          </span>
        )}
      </label>{" "}
      <span className="muted" style={{ fontSize: "0.8rem" }}>
        ({t(`templates.preview.kinds.${field.kind}`)}
        {isConclusion && ` · ${t("templates.preview.conclusion")}`})
      </span>
      <div>
        <PreviewControl field={field} inputId={inputId} />
      </div>
    </div>
  );
}

function PreviewControl({ field, inputId }: { field: TemplateField; inputId: string }) {
  const { t } = useI18n();
  switch (field.kind) {
    case "text":
      return field.multiline ? <textarea id={inputId} rows={3} defaultValue={field.default ?? ""} /> : <input id={inputId} defaultValue={field.default ?? ""} />;
    case "choice":
      return (
        <select id={inputId} defaultValue={field.default ?? ""}>
          {field.default === undefined && <option value="">—</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case "number":
      return (
        <span>
          <input id={inputId} type="number" min={field.min} max={field.max} defaultValue={field.default ?? ""} style={{ width: "8rem" }} /> {field.unit}
          {field.min !== undefined && field.max !== undefined && <span className="muted"> ({t("templates.preview.range", { min: field.min, max: field.max })})</span>}
        </span>
      );
    case "score":
      return (
        <span>
          <input id={inputId} type="number" step={1} min={field.min} max={field.max} defaultValue={field.default ?? ""} style={{ width: "6rem" }} />{" "}
          <span className="muted">({t("templates.preview.range", { min: field.min, max: field.max })})</span>
        </span>
      );
    case "yesno":
      return (
        <span id={inputId} role="radiogroup">
          <label>
            <input type="radio" name={inputId} defaultChecked={field.default === true} /> {t("templates.preview.yes")}
          </label>{" "}
          <label>
            <input type="radio" name={inputId} defaultChecked={field.default === false} /> {t("templates.preview.no")}
          </label>
        </span>
      );
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

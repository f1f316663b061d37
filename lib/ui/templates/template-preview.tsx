"use client";

import { useId, useState } from "react";
import type { FieldValue, TemplateDefinition, TemplateField } from "@/lib/domain/reports/template-definition";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { FieldInput } from "../reports/field-input";

/**
 * The form as the radiologist will see it, drawn by the report editor's own field inputs. Its
 * inputs can be tried but keep nothing; a value tried is forgotten once its field's definition
 * changes, so the defaults shown are always the edited ones.
 */
export function TemplatePreview({ definition, testId = "template-preview" }: { definition: TemplateDefinition; testId?: string }) {
  const { t } = useI18n();
  // Two previews may share the page (the editor's and an older version's): ids stay distinct.
  const prefix = useId();
  const [tried, setTried] = useState<Record<string, { definition: string; value: FieldValue }>>({});
  const valueOf = (field: TemplateField): FieldValue => {
    const entry = tried[field.id];
    return entry && entry.definition === JSON.stringify(field) ? entry.value : (field.default ?? null);
  };
  return (
    <div data-testid={testId}>
      {definition.sections.map((section, s) => (
        <fieldset key={`${section.id}:${s}`} className="report-section" data-testid="preview-section" data-section={section.id}>
          <legend>{section.title}</legend>
          {section.fields.map((field) => (
            <div key={field.id} data-testid="preview-field" data-field-id={field.id} data-kind={field.kind}>
              <FieldInput
                idPrefix={`${prefix}-`}
                field={field}
                value={valueOf(field)}
                missing={false}
                onChange={(value) => setTried((current) => ({ ...current, [field.id]: { definition: JSON.stringify(field), value } }))}
                onFocus={() => undefined}
              />
              {field.id === definition.conclusionFieldId && (
                <p className="muted small" style={{ margin: "0 0 0.5rem" }}>
                  {t("templates.preview.conclusion")}
                </p>
              )}
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

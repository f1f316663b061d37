"use client";

import { useState, type FormEvent } from "react";
import { allFields, type TemplateDefinition } from "@/lib/domain/reports/template-definition";
import { addField, moveField, removeField, renameField, setFieldKind, updateField } from "@/lib/domain/reports/template-editing/field-edits";
import { addSection, moveSection, removeSection, renameSection, setConclusionField } from "@/lib/domain/reports/template-editing/section-edits";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { issueAt, type DefinitionIssue } from "../template-check";
import { IssueText } from "./issue-text";
import { SectionCard, type SectionEdits } from "./section-card";

/**
 * The definition as a form, for department heads who do not write JSON: sections and typed
 * fields added, renamed, ordered and removed with the pure edits of lib/domain, so the model
 * stays the very one the JSON view and the server read.
 */
export function TemplateForm({ definition, onChange, issues }: { definition: TemplateDefinition; onChange: (next: TemplateDefinition) => void; issues: readonly DefinitionIssue[] }) {
  const { t } = useI18n();
  const [newTitle, setNewTitle] = useState("");
  const sectionEdits = (s: number): SectionEdits => ({
    rename: (title) => onChange(renameSection(definition, s, title)),
    move: (direction) => onChange(moveSection(definition, s, direction)),
    remove: () => onChange(removeSection(definition, s)),
    addField: (label, kind) => onChange(addField(definition, s, label, kind).definition),
    field: (f) => ({
      rename: (label) => onChange(renameField(definition, s, f, label)),
      setKind: (kind) => onChange(setFieldKind(definition, s, f, kind)),
      update: (next) => onChange(updateField(definition, s, f, next)),
      move: (direction) => onChange(moveField(definition, s, f, direction)),
      remove: () => onChange(removeField(definition, s, f)),
    }),
  });
  const submitSection = (event: FormEvent) => {
    event.preventDefault();
    if (newTitle.trim() === "") return;
    onChange(addSection(definition, newTitle).definition);
    setNewTitle("");
  };
  const textFields = allFields(definition).filter(({ field }) => field.kind === "text");
  const conclusionIssue = issueAt(issues, ["conclusionFieldId"]);
  const rootIssue = issueAt(issues, ["sections"]);
  return (
    <div className="tpl-form" data-testid="template-form">
      <p className="muted small">{t("templates.form.hint")}</p>
      <IssueText issue={rootIssue} id="tpl-sections-error" />
      <ol className="tpl-sections">
        {definition.sections.map((section, s) => (
          <SectionCard key={`${section.id}:${definition.sections.findIndex((other) => other.id === section.id) === s ? "" : s}`} section={section} index={s} count={definition.sections.length} issues={issues} edits={sectionEdits(s)} />
        ))}
      </ol>
      <form className="tpl-row tpl-add" onSubmit={submitSection} data-testid="add-section-form">
        <div className="tpl-grow">
          <label htmlFor="tpl-new-section">{t("templates.form.newSectionTitle")}</label>
          <input id="tpl-new-section" value={newTitle} maxLength={200} required onChange={(e) => setNewTitle(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t("templates.form.addSection")}
        </button>
      </form>
      <div className="tpl-conclusion">
        <label htmlFor="tpl-conclusion">{t("templates.form.conclusionField")}</label>
        <select
          id="tpl-conclusion"
          value={definition.conclusionFieldId}
          aria-invalid={conclusionIssue ? true : undefined}
          aria-describedby={conclusionIssue ? "tpl-conclusion-error" : "tpl-conclusion-hint"}
          onChange={(e) => onChange(setConclusionField(definition, e.target.value))}
        >
          {!textFields.some(({ field }) => field.id === definition.conclusionFieldId) && <option value={definition.conclusionFieldId}>—</option>}
          {textFields.map(({ section, field }) => (
            <option key={field.id} value={field.id}>
              {section.title} › {field.label}
            </option>
          ))}
        </select>
        <span className="muted small" id="tpl-conclusion-hint">
          {textFields.length === 0 ? t("templates.form.noTextField") : t("templates.form.conclusionHint")}
        </span>
        <IssueText issue={conclusionIssue} id="tpl-conclusion-error" />
      </div>
    </div>
  );
}

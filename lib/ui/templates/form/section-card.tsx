"use client";

import type { TemplateFieldKind, TemplateSection } from "@/lib/domain/reports/template-definition";
import type { Direction } from "@/lib/domain/reports/template-editing/move-item";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { issueAt, type DefinitionIssue } from "../template-check";
import { AddFieldForm } from "./add-field-form";
import { FieldCard, type FieldEdits } from "./field-card";
import { IssueText } from "./issue-text";
import { MoveButtons } from "./move-buttons";

export interface SectionEdits {
  rename: (title: string) => void;
  move: (direction: Direction) => void;
  remove: () => void;
  addField: (label: string, kind: TemplateFieldKind) => void;
  field: (fieldIndex: number) => FieldEdits;
}

/** One section: its title, its fields in order, and the form that adds a field to it. */
export function SectionCard(props: { section: TemplateSection; index: number; count: number; issues: readonly DefinitionIssue[]; edits: SectionEdits }) {
  const { t } = useI18n();
  const { section, index, issues, edits } = props;
  const idBase = `tpl-section-${index}`;
  const name = section.title.trim() || t("templates.form.untitled");
  const path = ["sections", index];
  const titleIssue = issueAt(issues, [...path, "title"]);
  const fieldsIssue = issueAt(issues, [...path, "fields"]) ?? issueAt(issues, [...path, "id"]);
  return (
    <li className="tpl-section" data-testid="form-section" data-section-id={section.id}>
      <h3 className="tpl-section-heading">{t("templates.form.sectionHeading", { n: index + 1 })}</h3>
      <div className="tpl-row">
        <div className="tpl-grow">
          <label htmlFor={`${idBase}-title`}>{t("templates.form.sectionTitle")}</label>
          <input
            id={`${idBase}-title`}
            value={section.title}
            maxLength={200}
            aria-invalid={titleIssue ? true : undefined}
            aria-describedby={titleIssue ? `${idBase}-title-error` : undefined}
            onChange={(e) => edits.rename(e.target.value)}
          />
          <IssueText issue={titleIssue} id={`${idBase}-title-error`} />
        </div>
        <div className="tpl-tools">
          <MoveButtons
            index={index}
            count={props.count}
            upLabel={t("templates.form.moveSectionUp", { name })}
            downLabel={t("templates.form.moveSectionDown", { name })}
            onMove={edits.move}
          />
          <button type="button" className="secondary tpl-icon" aria-label={t("templates.form.removeSection", { name })} title={t("templates.form.removeSection", { name })} onClick={edits.remove}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      </div>
      {section.fields.length === 0 && !fieldsIssue && <p className="muted small">{t("templates.form.noField")}</p>}
      <IssueText issue={fieldsIssue} id={`${idBase}-fields-error`} />
      <ol className="tpl-fields">
        {section.fields.map((field, f) => (
          <FieldCard key={field.id} field={field} index={f} count={section.fields.length} path={[...path, "fields", f]} issues={issues} edits={edits.field(f)} />
        ))}
      </ol>
      <AddFieldForm idBase={`${idBase}-${section.id}`} onAdd={edits.addField} />
    </li>
  );
}

"use client";

import type { TemplateField, TemplateFieldKind } from "@/lib/domain/reports/template-definition";
import type { Direction } from "@/lib/domain/reports/template-editing/move-item";
import { FIELD_KINDS } from "@/lib/domain/reports/template-editing/new-field";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { issueAt, type DefinitionIssue, type IssuePath } from "../template-check";
import { FieldKindProps } from "./field-kind-props";
import { IssueText } from "./issue-text";
import { MoveButtons } from "./move-buttons";
import { withOptional } from "./with-optional";

export interface FieldEdits {
  rename: (label: string) => void;
  setKind: (kind: TemplateFieldKind) => void;
  update: (next: TemplateField) => void;
  move: (direction: Direction) => void;
  remove: () => void;
}

/** One field of a section: label, type, required, what its type needs; moved or removed by buttons named after it. */
export function FieldCard(props: { field: TemplateField; index: number; count: number; path: IssuePath; issues: readonly DefinitionIssue[]; edits: FieldEdits }) {
  const { t } = useI18n();
  const { field, path, issues, edits } = props;
  const idBase = `tpl-field-${field.id}`;
  const name = field.label.trim() || t("templates.form.untitled");
  const labelIssue = issueAt(issues, [...path, "label"]);
  const fieldIssue = issueAt(issues, path) ?? issueAt(issues, [...path, "id"]) ?? issueAt(issues, [...path, "kind"]);
  return (
    <li className="tpl-field" data-testid="form-field" data-field-id={field.id}>
      <div className="tpl-row">
        <div className="tpl-grow tpl-wide">
          <label htmlFor={`${idBase}-label`}>{t("templates.form.fieldLabel")}</label>
          <input
            id={`${idBase}-label`}
            value={field.label}
            maxLength={200}
            aria-invalid={labelIssue ? true : undefined}
            aria-describedby={labelIssue ? `${idBase}-label-error` : undefined}
            onChange={(e) => edits.rename(e.target.value)}
          />
          <IssueText issue={labelIssue} id={`${idBase}-label-error`} />
        </div>
        <div className="tpl-kind">
          <label htmlFor={`${idBase}-kind`}>{t("templates.form.kind")}</label>
          <select id={`${idBase}-kind`} value={field.kind} onChange={(e) => edits.setKind(e.target.value as TemplateFieldKind)}>
            {FIELD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`templates.form.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="tpl-row">
        <label className="tpl-check">
          <input type="checkbox" checked={field.required === true} onChange={(e) => edits.update(withOptional(field, "required", e.target.checked || undefined))} /> {t("templates.form.required")}
        </label>
        <div className="tpl-tools">
          <MoveButtons
            index={props.index}
            count={props.count}
            upLabel={t("templates.form.moveFieldUp", { name })}
            downLabel={t("templates.form.moveFieldDown", { name })}
            onMove={edits.move}
          />
          <button type="button" className="secondary tpl-icon" aria-label={t("templates.form.removeField", { name })} title={t("templates.form.removeField", { name })} onClick={edits.remove}>
            <span aria-hidden="true">✕</span>
          </button>
        </div>
      </div>
      <FieldKindProps field={field} path={path} issues={issues} idBase={idBase} onChange={edits.update} />
      <p className="muted small tpl-id">{t("templates.form.fieldId", { id: field.id })}</p>
      <IssueText issue={fieldIssue} id={`${idBase}-error`} />
    </li>
  );
}

"use client";

import { useState, type ReactNode } from "react";
import type { TemplateField } from "@/lib/domain/reports/template-definition";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { issueAt, type DefinitionIssue, type IssuePath } from "../template-check";
import { IssueText } from "./issue-text";
import { OptionalNumberInput } from "./optional-number-input";
import { withOptional } from "./with-optional";

interface Props {
  field: TemplateField;
  /** Where the field is in the definition, to find its errors. */
  path: IssuePath;
  issues: readonly DefinitionIssue[];
  idBase: string;
  onChange: (next: TemplateField) => void;
}

/** What only some kinds have: several lines, options, unit, range, and the default value. */
export function FieldKindProps({ field, path, issues, idBase, onChange }: Props) {
  const { t } = useI18n();
  const at = (prop: string) => issueAt(issues, [...path, prop]);
  const labelled = (prop: string, label: string, input: (id: string, invalid: boolean, describedBy: string | undefined) => ReactNode, className?: string) => {
    const id = `${idBase}-${prop}`;
    const issue = at(prop);
    return (
      <div className={className}>
        <label htmlFor={id}>{label}</label>
        {input(id, issue !== undefined, issue ? `${id}-error` : undefined)}
        <IssueText issue={issue} id={`${id}-error`} />
      </div>
    );
  };
  const number = (prop: "min" | "max" | "default", label: string, value: number | undefined, integer: boolean, set: (value: number | undefined) => void) =>
    labelled(prop, label, (id, invalid, describedBy) => <OptionalNumberInput id={id} value={value} integer={integer} invalid={invalid} describedBy={describedBy} onChange={set} />);

  switch (field.kind) {
    case "text":
      return (
        <div className="tpl-props">
          <label className="tpl-check">
            <input type="checkbox" checked={field.multiline === true} onChange={(e) => onChange(withOptional(field, "multiline", e.target.checked || undefined))} /> {t("templates.form.multiline")}
          </label>
          {labelled("default", t("templates.form.default"), (id, invalid, describedBy) => (
            <input id={id} value={field.default ?? ""} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(withOptional(field, "default", e.target.value === "" ? undefined : e.target.value))} />
          ))}
        </div>
      );
    case "choice":
      return (
        <div className="tpl-props">
          {labelled("options", t("templates.form.options"), (id, invalid, describedBy) => (
            <OptionLines id={id} options={field.options} invalid={invalid} describedBy={describedBy} onChange={(options) => onChange(keepDefaultIn({ ...field, options }))} />
          ), "tpl-span")}
          {labelled("default", t("templates.form.default"), (id, invalid, describedBy) => (
            <select id={id} value={field.default ?? ""} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(withOptional(field, "default", e.target.value === "" ? undefined : e.target.value))}>
              <option value="">{t("templates.form.noDefault")}</option>
              {field.options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          ))}
        </div>
      );
    case "number":
      return (
        <div className="tpl-props">
          {labelled("unit", t("templates.form.unit"), (id, invalid, describedBy) => (
            <input id={id} value={field.unit} maxLength={20} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange({ ...field, unit: e.target.value })} />
          ))}
          {number("min", t("templates.form.min"), field.min, false, (value) => onChange(withOptional(field, "min", value)))}
          {number("max", t("templates.form.max"), field.max, false, (value) => onChange(withOptional(field, "max", value)))}
          {number("default", t("templates.form.default"), field.default, false, (value) => onChange(withOptional(field, "default", value)))}
        </div>
      );
    case "score":
      return (
        <div className="tpl-props">
          {number("min", t("templates.form.min"), field.min, true, (value) => onChange({ ...field, min: value ?? 0 }))}
          {number("max", t("templates.form.max"), field.max, true, (value) => onChange({ ...field, max: value ?? 0 }))}
          {number("default", t("templates.form.default"), field.default, true, (value) => onChange(withOptional(field, "default", value)))}
        </div>
      );
    case "yesno":
      return (
        <div className="tpl-props">
          {labelled("default", t("templates.form.default"), (id, invalid, describedBy) => (
            <select
              id={id}
              value={field.default === true ? "yes" : field.default === false ? "no" : ""}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => onChange(withOptional(field, "default", e.target.value === "" ? undefined : e.target.value === "yes"))}
            >
              <option value="">{t("templates.form.noDefault")}</option>
              <option value="yes">{t("templates.preview.yes")}</option>
              <option value="no">{t("templates.preview.no")}</option>
            </select>
          ))}
        </div>
      );
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/** A default that is no longer one of the options is dropped rather than left as an error. */
function keepDefaultIn(field: Extract<TemplateField, { kind: "choice" }>): TemplateField {
  return field.default !== undefined && !field.options.includes(field.default) ? withOptional(field, "default", undefined) : field;
}

/**
 * The options, one per line. The text is kept as typed (an empty line while the next option is
 * being typed is no option), and the options are its non-empty lines.
 */
function OptionLines(props: { id: string; options: string[]; invalid: boolean; describedBy: string | undefined; onChange: (options: string[]) => void }) {
  const [text, setText] = useState(props.options.join("\n"));
  return (
    <textarea
      id={props.id}
      rows={Math.min(8, Math.max(3, props.options.length + 1))}
      value={text}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(
          e.target.value
            .split("\n")
            .map((line) => line.trim())
            .filter((line) => line !== ""),
        );
      }}
    />
  );
}

import type { TemplateField, TemplateFieldKind } from "../template-definition";

/** Every kind of field the template model has, in the order the form offers them. */
export const FIELD_KINDS = ["text", "choice", "number", "yesno", "score"] as const satisfies readonly TemplateFieldKind[];

/**
 * A field of `kind` with what that kind needs, empty where only the department head can say
 * (a choice's options, a number's unit): the validation then names what is left to fill.
 */
export function newField(id: string, label: string, kind: TemplateFieldKind): TemplateField {
  switch (kind) {
    case "text":
      return { id, label, kind };
    case "choice":
      return { id, label, kind, options: [] };
    case "number":
      return { id, label, kind, unit: "" };
    case "yesno":
      return { id, label, kind };
    case "score":
      return { id, label, kind, min: 0, max: 10 };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The same field (id, label, required) as another kind; what only made sense for the old kind is dropped. */
export function changeFieldKind(field: TemplateField, kind: TemplateFieldKind): TemplateField {
  if (field.kind === kind) return field;
  const changed = newField(field.id, field.label, kind);
  return field.required === undefined ? changed : { ...changed, required: field.required };
}

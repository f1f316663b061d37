import { allFields, type FieldValue, type ReportValues, type TemplateDefinition, type TemplateField } from "./template-definition";

// The values of a report checked against its template. Drafts may be incomplete (autosave
// keeps whatever is typed); signing requires every required field and no invalid value.

export type FieldProblem = "type" | "notAnOption" | "belowMin" | "aboveMax" | "notInteger" | "unknownField";

export interface MissingField {
  fieldId: string;
  label: string;
  sectionTitle: string;
}

export interface InvalidField {
  fieldId: string;
  label: string;
  problem: FieldProblem;
}

/** A fresh report: each field at its default, or empty. */
export function defaultValues(definition: TemplateDefinition): ReportValues {
  return Object.fromEntries(allFields(definition).map(({ field }) => [field.id, field.default ?? null]));
}

/** Empty means nothing a reader could use: absent, null, or only spaces. `false` is an answer. */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Required fields left empty, in reading order, with what the signer needs to find them. */
export function missingRequiredFields(definition: TemplateDefinition, values: ReportValues): MissingField[] {
  return allFields(definition)
    .filter(({ field }) => field.required === true && isEmptyValue(values[field.id]))
    .map(({ section, field }) => ({ fieldId: field.id, label: field.label, sectionTitle: section.title }));
}

/** What is wrong with a non-empty value for this field, or null when it fits. */
export function fieldProblem(field: TemplateField, value: Exclude<FieldValue, null>): FieldProblem | null {
  switch (field.kind) {
    case "text":
      return typeof value === "string" ? null : "type";
    case "choice":
      if (typeof value !== "string") return "type";
      return field.options.includes(value) ? null : "notAnOption";
    case "yesno":
      return typeof value === "boolean" ? null : "type";
    case "number":
    case "score":
      if (typeof value !== "number" || !Number.isFinite(value)) return "type";
      if (field.kind === "score" && !Number.isInteger(value)) return "notInteger";
      if (field.min !== undefined && value < field.min) return "belowMin";
      if (field.max !== undefined && value > field.max) return "aboveMax";
      return null;
  }
}

/** Values that do not fit their field, in reading order, then values of fields the template does not have. */
export function invalidFields(definition: TemplateDefinition, values: ReportValues): InvalidField[] {
  const fields = allFields(definition);
  const known = new Set(fields.map(({ field }) => field.id));
  const invalid: InvalidField[] = [];
  for (const { field } of fields) {
    const value = values[field.id];
    if (value === undefined || value === null) continue;
    const problem = fieldProblem(field, value);
    if (problem) invalid.push({ fieldId: field.id, label: field.label, problem });
  }
  for (const id of Object.keys(values).sort()) {
    if (!known.has(id)) invalid.push({ fieldId: id, label: id, problem: "unknownField" });
  }
  return invalid;
}

/**
 * The values carried over when the radiologist switches template: a field the new template
 * shares keeps its value if the value still makes sense there (right type, a valid option);
 * a value out of range is kept so that the radiologist sees and fixes it rather than losing
 * it. A field cleared on purpose stays empty; any other field starts at its default.
 */
export function coerceToDefinition(definition: TemplateDefinition, values: ReportValues): ReportValues {
  const result = defaultValues(definition);
  for (const { field } of allFields(definition)) {
    if (!Object.hasOwn(values, field.id)) continue;
    const value = values[field.id];
    if (value === undefined) continue;
    if (value === null) {
      result[field.id] = null;
      continue;
    }
    const problem = fieldProblem(field, value);
    if (problem === null || problem === "belowMin" || problem === "aboveMax") result[field.id] = value;
  }
  return result;
}

import { isReservedFieldId } from "../template-admin-schemas";
import { allFields, type TemplateDefinition, type TemplateField, type TemplateFieldKind } from "../template-definition";
import { moveItem, type Direction } from "./move-item";
import { changeFieldKind, newField } from "./new-field";
import { slugFromLabel, uniqueId } from "./template-ids";

// Pure edits of the fields of one section, by position. Field ids are unique in the whole
// template (the schema checks it): a new one is made from its label, avoiding every id in use
// and those the product reserves (regulatory block, addendum note).

function withFields(definition: TemplateDefinition, sectionIndex: number, edit: (fields: TemplateField[]) => TemplateField[]): TemplateDefinition {
  return { ...definition, sections: definition.sections.map((section, i) => (i === sectionIndex ? { ...section, fields: edit(section.fields) } : section)) };
}

/** A field of `kind` at the end of the section; returns its id. */
export function addField(definition: TemplateDefinition, sectionIndex: number, label: string, kind: TemplateFieldKind): { definition: TemplateDefinition; id: string } {
  const taken = new Set(allFields(definition).map(({ field }) => field.id));
  const slug = slugFromLabel(label, "champ");
  // A reserved prefix ("reg_…") stays reserved whatever the suffix: such a label gets a neutral one.
  const base = isReservedFieldId(`${slug}_2`) ? `champ_${slug}` : slug;
  const id = uniqueId(base, (candidate) => taken.has(candidate) || isReservedFieldId(candidate));
  return { definition: withFields(definition, sectionIndex, (fields) => [...fields, newField(id, label.trim(), kind)]), id };
}

export function removeField(definition: TemplateDefinition, sectionIndex: number, fieldIndex: number): TemplateDefinition {
  return withFields(definition, sectionIndex, (fields) => fields.filter((_, i) => i !== fieldIndex));
}

/** A new label; the id stays, so reports keep their values across versions. */
export function renameField(definition: TemplateDefinition, sectionIndex: number, fieldIndex: number, label: string): TemplateDefinition {
  return withFields(definition, sectionIndex, (fields) => fields.map((field, i) => (i === fieldIndex ? { ...field, label } : field)));
}

/** The field's other properties (unit, options, default…) as edited; its id cannot change here. */
export function updateField(definition: TemplateDefinition, sectionIndex: number, fieldIndex: number, next: TemplateField): TemplateDefinition {
  return withFields(definition, sectionIndex, (fields) => fields.map((field, i) => (i === fieldIndex ? { ...next, id: field.id } : field)));
}

export function setFieldKind(definition: TemplateDefinition, sectionIndex: number, fieldIndex: number, kind: TemplateFieldKind): TemplateDefinition {
  return withFields(definition, sectionIndex, (fields) => fields.map((field, i) => (i === fieldIndex ? changeFieldKind(field, kind) : field)));
}

/** One place up or down within its section; unchanged at the section's ends. */
export function moveField(definition: TemplateDefinition, sectionIndex: number, fieldIndex: number, direction: Direction): TemplateDefinition {
  return withFields(definition, sectionIndex, (fields) => moveItem(fields, fieldIndex, direction));
}

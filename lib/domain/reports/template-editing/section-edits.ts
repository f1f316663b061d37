import { isReservedSectionId } from "../template-admin-schemas";
import type { TemplateDefinition } from "../template-definition";
import { moveItem, type Direction } from "./move-item";
import { slugFromLabel, uniqueId } from "./template-ids";

// Pure edits of a definition's sections, by position (what the form shows). Each returns a new
// definition and leaves the one given untouched, so React state and undo stay simple.

/** A new, still empty section at the end (the validation asks for a field in it); returns its id. */
export function addSection(definition: TemplateDefinition, title: string): { definition: TemplateDefinition; id: string } {
  const taken = new Set(definition.sections.map((section) => section.id));
  const id = uniqueId(slugFromLabel(title, "section"), (candidate) => taken.has(candidate) || isReservedSectionId(candidate));
  return { definition: { ...definition, sections: [...definition.sections, { id, title: title.trim(), fields: [] }] }, id };
}

export function removeSection(definition: TemplateDefinition, index: number): TemplateDefinition {
  return { ...definition, sections: definition.sections.filter((_, i) => i !== index) };
}

/** A new title; the id stays, like a field's. */
export function renameSection(definition: TemplateDefinition, index: number, title: string): TemplateDefinition {
  return { ...definition, sections: definition.sections.map((section, i) => (i === index ? { ...section, title } : section)) };
}

export function moveSection(definition: TemplateDefinition, index: number, direction: Direction): TemplateDefinition {
  return { ...definition, sections: moveItem(definition.sections, index, direction) };
}

/** Which text field's value is the report's conclusion. */
export function setConclusionField(definition: TemplateDefinition, fieldId: string): TemplateDefinition {
  return { ...definition, conclusionFieldId: fieldId };
}

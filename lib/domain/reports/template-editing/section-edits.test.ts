import { describe, expect, it } from "vitest";
import { editableTemplateDefinitionSchema } from "../template-admin-schemas";
import type { TemplateDefinition } from "../template-definition";
import { addField } from "./field-edits";
import { addSection, moveSection, removeSection, renameSection, setConclusionField } from "./section-edits";

const definition: TemplateDefinition = {
  sections: [
    { id: "technique", title: "Technique", fields: [{ id: "technique", label: "Technique", kind: "text" }] },
    { id: "resultats", title: "Résultats", fields: [{ id: "resultats", label: "Résultats", kind: "text", multiline: true }] },
    { id: "conclusion", title: "Conclusion", fields: [{ id: "conclusion", label: "Conclusion", kind: "text", required: true }] },
  ],
  conclusionFieldId: "conclusion",
};
const titles = (d: TemplateDefinition) => d.sections.map((section) => section.title);

describe("editing the sections of a template", () => {
  it("adds an empty section at the end, with an id made from its title, that the validation asks to fill", () => {
    const { definition: added, id } = addSection(definition, "  Mesures à l'échographie ");
    expect(id).toBe("mesures_a_l_echographie");
    expect(added.sections.at(-1)).toEqual({ id, title: "Mesures à l'échographie", fields: [] });
    expect(definition.sections).toHaveLength(3);
    const check = editableTemplateDefinitionSchema.safeParse(added);
    expect(check.success).toBe(false);
    expect(check.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["sections.3.fields", "templates.validation.emptySection"]]);
    expect(editableTemplateDefinitionSchema.safeParse(addField(added, 3, "Diamètre", "text").definition).success).toBe(true);
  });

  it("never gives a section an id already used, nor one the product reserves", () => {
    const first = addSection(definition, "Résultats");
    expect(first.id).toBe("resultats_2");
    expect(addSection(first.definition, "Résultats").id).toBe("resultats_3");
    expect(addSection(definition, "Regulatory").id).toBe("regulatory_2");
    expect(addSection(definition, "Addendum").id).toBe("addendum_2");
    expect(addSection(definition, "   ").id).toBe("section");
    expect(addSection(definition, "2e lecture").id).toBe("section_2e_lecture");
  });

  it("renames a section without changing its id", () => {
    const renamed = renameSection(definition, 1, "Constatations");
    expect(renamed.sections[1]).toMatchObject({ id: "resultats", title: "Constatations" });
    expect(definition.sections[1]!.title).toBe("Résultats");
  });

  it("removes the section at a position, and only it", () => {
    expect(removeSection(definition, 0).sections.map((section) => section.id)).toEqual(["resultats", "conclusion"]);
  });

  it("moves a section one place up or down, and not past either end", () => {
    expect(titles(moveSection(definition, 2, "up"))).toEqual(["Technique", "Conclusion", "Résultats"]);
    expect(titles(moveSection(definition, 0, "down"))).toEqual(["Résultats", "Technique", "Conclusion"]);
    expect(titles(moveSection(definition, 0, "up"))).toEqual(titles(definition));
    expect(titles(moveSection(definition, 2, "down"))).toEqual(titles(definition));
  });

  it("names another text field as the conclusion", () => {
    expect(setConclusionField(definition, "resultats").conclusionFieldId).toBe("resultats");
  });
});

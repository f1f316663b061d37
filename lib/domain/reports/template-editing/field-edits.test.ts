import { describe, expect, it } from "vitest";
import { editableTemplateDefinitionSchema } from "../template-admin-schemas";
import { allFields, type TemplateDefinition } from "../template-definition";
import { addField, moveField, removeField, renameField, setFieldKind, updateField } from "./field-edits";
import { FIELD_KINDS } from "./new-field";

const definition: TemplateDefinition = {
  sections: [
    {
      id: "resultats",
      title: "Résultats",
      fields: [
        { id: "cote", label: "Côté", kind: "choice", options: ["Droit", "Gauche"] },
        { id: "diametre", label: "Diamètre", kind: "number", unit: "mm" },
        { id: "thrombose", label: "Thrombose", kind: "yesno" },
      ],
    },
    { id: "conclusion", title: "Conclusion", fields: [{ id: "conclusion", label: "Conclusion", kind: "text", required: true }] },
  ],
  conclusionFieldId: "conclusion",
};
const ids = (d: TemplateDefinition) => allFields(d).map(({ field }) => field.id);
const issues = (d: TemplateDefinition) => {
  const result = editableTemplateDefinitionSchema.safeParse(d);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
};

describe("editing the fields of a template", () => {
  it("adds a field of every kind the model has, each valid once what only the author knows is filled", () => {
    let edited = definition;
    for (const kind of FIELD_KINDS) edited = addField(edited, 0, `Champ ${kind}`, kind).definition;
    const added = edited.sections[0]!.fields.slice(3);
    expect(added.map((field) => [field.id, field.kind])).toEqual(FIELD_KINDS.map((kind) => [`champ_${kind}`, kind]));
    // A choice needs its options: the validation names them, at the field.
    expect(issues(edited)).toEqual([["sections.0.fields.4.options", "templates.validation.options"]]);
    const choice = added[1]!;
    expect(issues(updateField(edited, 0, 4, { ...choice, kind: "choice", options: ["Oui franc", "Douteux"] } as typeof choice))).toEqual([]);
  });

  it("makes each new id unique in the whole template, and never a reserved one", () => {
    const first = addField(definition, 1, "Côté", "text");
    expect(first.id).toBe("cote_2");
    const second = addField(first.definition, 0, "Côté", "text");
    expect(second.id).toBe("cote_3");
    expect(new Set(ids(second.definition)).size).toBe(ids(second.definition).length);
    expect(addField(definition, 0, "Reg dose", "number").id).toBe("champ_reg_dose");
    expect(addField(definition, 0, "Addendum note", "text").id).toBe("addendum_note_2");
    expect(addField(definition, 0, "3 vaisseaux", "yesno").id).toBe("champ_3_vaisseaux");
  });

  it("renames a field without changing its id", () => {
    const renamed = renameField(definition, 0, 1, "Plus grand diamètre");
    expect(renamed.sections[0]!.fields[1]).toEqual({ id: "diametre", label: "Plus grand diamètre", kind: "number", unit: "mm" });
    expect(ids(renamed)).toEqual(ids(definition));
  });

  it("keeps the id whatever the edited field says, and keeps id, label and required when the kind changes", () => {
    const edited = updateField(definition, 0, 1, { id: "autre", label: "Diamètre", kind: "number", unit: "cm", min: 0 });
    expect(edited.sections[0]!.fields[1]).toEqual({ id: "diametre", label: "Diamètre", kind: "number", unit: "cm", min: 0 });
    const required = updateField(definition, 0, 0, { id: "cote", label: "Côté", kind: "choice", options: ["Droit", "Gauche"], required: true });
    expect(setFieldKind(required, 0, 0, "yesno").sections[0]!.fields[0]).toEqual({ id: "cote", label: "Côté", kind: "yesno", required: true });
    expect(setFieldKind(definition, 0, 1, "score").sections[0]!.fields[1]).toEqual({ id: "diametre", label: "Diamètre", kind: "score", min: 0, max: 10 });
  });

  it("removes the field at a position, and only it", () => {
    expect(ids(removeField(definition, 0, 1))).toEqual(["cote", "thrombose", "conclusion"]);
  });

  it("moves a field one place within its section, and not past either end", () => {
    expect(ids(moveField(definition, 0, 2, "up"))).toEqual(["cote", "thrombose", "diametre", "conclusion"]);
    expect(ids(moveField(definition, 0, 0, "down"))).toEqual(["diametre", "cote", "thrombose", "conclusion"]);
    expect(ids(moveField(definition, 0, 0, "up"))).toEqual(ids(definition));
    expect(ids(moveField(definition, 0, 2, "down"))).toEqual(ids(definition));
    expect(ids(moveField(definition, 1, 0, "up"))).toEqual(ids(definition));
  });
});

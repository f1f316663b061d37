import { describe, expect, it } from "vitest";
import { templateDefinitionSchema, type TemplateDefinition } from "./template-definition";
import { coerceToDefinition, defaultValues, invalidFields, missingRequiredFields } from "./template-values";

const definition: TemplateDefinition = templateDefinitionSchema.parse({
  sections: [
    {
      id: "clinical",
      title: "Contexte",
      fields: [
        { id: "indication", kind: "choice", label: "Indication", options: ["AVC", "Traumatisme"], default: "AVC", required: true },
        { id: "history", kind: "text", label: "Antécédents" },
      ],
    },
    {
      id: "findings",
      title: "Résultats",
      fields: [
        { id: "bleeding", kind: "yesno", label: "Hémorragie", required: true },
        { id: "aspects", kind: "score", label: "Score ASPECTS", min: 0, max: 10 },
        { id: "shift", kind: "number", label: "Déviation de la ligne médiane", unit: "mm", min: 0, max: 30 },
        { id: "conclusion", kind: "text", label: "Conclusion", required: true },
      ],
    },
  ],
  conclusionFieldId: "conclusion",
});

describe("report values against their template", () => {
  it("starts every field at its default or empty", () => {
    expect(defaultValues(definition)).toEqual({ indication: "AVC", history: null, bleeding: null, aspects: null, shift: null, conclusion: null });
  });

  it("lists required fields left empty, in reading order, with their section", () => {
    const values = { ...defaultValues(definition), indication: null, conclusion: "   " };
    expect(missingRequiredFields(definition, values)).toEqual([
      { fieldId: "indication", label: "Indication", sectionTitle: "Contexte" },
      { fieldId: "bleeding", label: "Hémorragie", sectionTitle: "Résultats" },
      { fieldId: "conclusion", label: "Conclusion", sectionTitle: "Résultats" },
    ]);
    expect(missingRequiredFields(definition, {})).toHaveLength(3);
  });

  it("counts 'no' as an answer", () => {
    const values = { indication: "AVC", bleeding: false, conclusion: "Pas d'hémorragie." };
    expect(missingRequiredFields(definition, values)).toEqual([]);
  });

  it("finds values that do not fit their field", () => {
    const values = { indication: "Autre", history: 3, bleeding: "oui", aspects: 7.5, shift: -1, conclusion: "ok", extra: "x" };
    expect(invalidFields(definition, values).map((f) => [f.fieldId, f.problem])).toEqual([
      ["indication", "notAnOption"],
      ["history", "type"],
      ["bleeding", "type"],
      ["aspects", "notInteger"],
      ["shift", "belowMin"],
      ["extra", "unknownField"],
    ]);
    expect(invalidFields(definition, { aspects: 11, shift: 31 }).map((f) => f.problem)).toEqual(["aboveMax", "aboveMax"]);
    expect(invalidFields(definition, { indication: "Traumatisme", aspects: 10, shift: 0, bleeding: true, history: null })).toEqual([]);
  });

  it("carries over what still makes sense when switching template, and drops the rest", () => {
    const fromOtherTemplate = { indication: "Autre", history: "HTA", bleeding: "non", aspects: 12, conclusion: null, organ_liver: "Normal" };
    expect(coerceToDefinition(definition, fromOtherTemplate)).toEqual({
      indication: "AVC", // not an option here: back to the default
      history: "HTA",
      bleeding: null, // wrong type
      aspects: 12, // out of range, kept to be seen and corrected
      shift: null,
      conclusion: null,
    });
    // A field cleared on purpose is not refilled with its default.
    expect(coerceToDefinition(definition, { indication: null }).indication).toBeNull();
  });
});

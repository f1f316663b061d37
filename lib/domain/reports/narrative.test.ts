import { describe, expect, it } from "vitest";
import { buildNarrative, formatFrenchNumber } from "./narrative";
import { withRegulatoryBlock } from "./regulatory-block";
import { templateDefinitionSchema, type TemplateDefinition } from "./template-definition";

const definition: TemplateDefinition = templateDefinitionSchema.parse({
  sections: [
    {
      id: "clinical",
      title: "Indication",
      fields: [{ id: "indication", kind: "choice", label: "Motif", options: ["AVC", "Traumatisme"] }],
    },
    {
      id: "findings",
      title: "Résultats",
      fields: [
        { id: "bleeding", kind: "yesno", label: "Hémorragie" },
        { id: "aspects", kind: "score", label: "Score ASPECTS", min: 0, max: 10 },
        { id: "shift", kind: "number", label: "Déviation de la ligne médiane", unit: "mm" },
        { id: "description", kind: "text", multiline: true, label: "Description" },
        { id: "conclusion", kind: "text", multiline: true, label: "Conclusion" },
      ],
    },
    { id: "other", title: "Autres", fields: [{ id: "note", kind: "text", label: "Remarque" }] },
  ],
  conclusionFieldId: "conclusion",
});

describe("the narrative of a structured report", () => {
  it("reads as French text: sections, one line per filled field; the conclusion stays out, returned on its own", () => {
    const values = {
      indication: "AVC",
      bleeding: false,
      aspects: 8,
      shift: 2.5,
      description: "Hypodensité du noyau lenticulaire gauche.  \r\nPas d'effet de masse.\n\n\n\nSillons visibles.",
      conclusion: "  Signes précoces d'ischémie sylvienne gauche.  ",
      note: "   ",
    };
    const { narrative, conclusion } = buildNarrative(definition, values);
    expect(conclusion).toBe("Signes précoces d'ischémie sylvienne gauche.");
    expect(narrative).toBe(
      [
        "Indication",
        "Motif : AVC",
        "",
        "Résultats",
        "Hémorragie : non",
        "Score ASPECTS : 8/10",
        "Déviation de la ligne médiane : 2,5 mm",
        "Description :",
        "Hypodensité du noyau lenticulaire gauche.",
        "Pas d'effet de masse.",
        "",
        "Sillons visibles.",
      ].join("\n"),
    );
    expect(narrative.split("\n").every((line) => line === line.trimEnd())).toBe(true);
  });

  it("leaves out empty fields and sections with nothing filled", () => {
    const { narrative, conclusion } = buildNarrative(definition, { bleeding: true, indication: null, description: "" });
    expect(narrative).toBe("Résultats\nHémorragie : oui");
    expect(conclusion).toBe("");
    expect(buildNarrative(definition, {})).toEqual({ narrative: "", conclusion: "" });
  });

  it("never prints the conclusion in the narrative, where the document would show it twice", () => {
    expect(buildNarrative(definition, { conclusion: "Normal." })).toEqual({ narrative: "", conclusion: "Normal." });
  });

  it("is deterministic, whatever the order of the values", () => {
    const a = buildNarrative(definition, { shift: 1, bleeding: true, conclusion: "x" });
    const b = buildNarrative(definition, { conclusion: "x", bleeding: true, shift: 1 });
    expect(a).toEqual(b);
  });

  it("prints the regulatory block like any section, with the dose unit", () => {
    const ct = withRegulatoryBlock(definition, "CT");
    const { narrative } = buildNarrative(ct, { reg_procedure: "Scanner cérébral sans injection", reg_dose: 812.4, conclusion: "Normal." });
    expect(narrative).toBe(
      "Informations réglementaires (radioprotection)\nProcédure réalisée : Scanner cérébral sans injection\nProduit dose·longueur (PDL) : 812,4 mGy·cm",
    );
  });

  it("prints the contrast agent given on one line in the regulatory block of an injected act", () => {
    const injected = withRegulatoryBlock(definition, "CT", { contrastInjection: true });
    const { narrative } = buildNarrative(injected, { reg_dose: 1210, reg_contrast_product: "Iomeron 350", reg_contrast_volume: 70, reg_contrast_route: "Intraveineuse", conclusion: "x" });
    expect(narrative).toBe(
      "Informations réglementaires (radioprotection)\nProduit dose·longueur (PDL) : 1210 mGy·cm\nProduit de contraste : Iomeron 350, 70 mL, voie intraveineuse",
    );
  });

  it("writes decimals with a comma", () => {
    expect(formatFrenchNumber(12.5)).toBe("12,5");
    expect(formatFrenchNumber(-0.75)).toBe("-0,75");
    expect(formatFrenchNumber(1200)).toBe("1200");
  });
});

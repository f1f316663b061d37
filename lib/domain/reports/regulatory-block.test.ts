import { describe, expect, it } from "vitest";
import { MODALITIES } from "../enums";
import { isIonising, regulatorySection, teleradiologyStatement, withRegulatoryBlock } from "./regulatory-block";
import { templateDefinitionSchema, type TemplateDefinition } from "./template-definition";

const plain: TemplateDefinition = {
  sections: [{ id: "main", title: "Compte rendu", fields: [{ id: "conclusion", kind: "text", label: "Conclusion", required: true }] }],
  conclusionFieldId: "conclusion",
};

describe("the regulatory block (radioprotection)", () => {
  it("applies to the modalities that use ionising radiation only", () => {
    expect(MODALITIES.filter(isIonising)).toEqual(["CT", "CR", "DX", "XA", "MG", "NM", "PT"]);
  });

  it("asks for justification, procedure, equipment and dose, all required", () => {
    const section = regulatorySection("CT");
    expect(section.id).toBe("regulatory");
    expect(section.title).toBe("Informations réglementaires (radioprotection)");
    expect(section.fields.map((f) => [f.id, f.kind, f.label, f.required])).toEqual([
      ["reg_justification", "text", "Justification de l'acte", true],
      ["reg_procedure", "text", "Procédure réalisée", true],
      ["reg_equipment", "text", "Équipement", true],
      ["reg_dose", "number", "Produit dose·longueur (PDL)", true],
    ]);
    expect(section.fields[0]).toMatchObject({ multiline: true });
  });

  it("names the dose quantity of each kind of act with its unit", () => {
    const dose = (m: Parameters<typeof regulatorySection>[0]) => regulatorySection(m).fields.find((f) => f.id === "reg_dose");
    expect(dose("CT")).toMatchObject({ unit: "mGy·cm", label: "Produit dose·longueur (PDL)" });
    for (const m of ["DX", "CR", "XA", "MG"] as const) expect(dose(m)).toMatchObject({ unit: "mGy·cm²", label: "Produit dose·surface (PDS)" });
    for (const m of ["NM", "PT"] as const) expect(dose(m)).toMatchObject({ unit: "MBq", label: "Activité administrée" });
  });

  it("is appended once for ionising acts, and the result is still a valid definition", () => {
    const withBlock = withRegulatoryBlock(plain, "CT");
    expect(withBlock.sections.map((s) => s.id)).toEqual(["main", "regulatory"]);
    expect(templateDefinitionSchema.safeParse(withBlock).success).toBe(true);
    expect(withRegulatoryBlock(withBlock, "CT")).toEqual(withBlock);
    expect(plain.sections).toHaveLength(1);
  });

  it("asks an injected act for the contrast agent given: product, volume in mL and route, all required", () => {
    const fields = regulatorySection("CT", { contrastInjection: true }).fields;
    expect(fields.slice(4).map((f) => [f.id, f.kind, f.required])).toEqual([
      ["reg_contrast_product", "text", true],
      ["reg_contrast_volume", "number", true],
      ["reg_contrast_route", "choice", true],
    ]);
    expect(fields[5]).toMatchObject({ unit: "mL", min: 1, max: 500 });
    expect(fields[6]).toMatchObject({ default: "Intraveineuse" });
    expect(templateDefinitionSchema.safeParse(withRegulatoryBlock(plain, "CT", { contrastInjection: true })).success).toBe(true);
    // Not injected, or not decided: no contrast line to fill.
    expect(regulatorySection("CT", { contrastInjection: false }).fields).toHaveLength(4);
    expect(regulatorySection("CT").fields).toHaveLength(4);
  });

  it("leaves MR, ultrasound and other acts unchanged", () => {
    for (const m of ["MR", "US", "OT"] as const) expect(withRegulatoryBlock(plain, m)).toBe(plain);
  });
});

describe("the teleradiology statement", () => {
  it("names the site and the teleradiologist", () => {
    expect(teleradiologyStatement({ signerName: "Claire Martin", siteName: "CH de Gap" })).toBe(
      "Acte réalisé par téléradiologie pour le site CH de Gap. Téléradiologue : Dr Claire Martin.",
    );
  });

  it("does not double a title the name already carries", () => {
    expect(teleradiologyStatement({ signerName: "Dr Claire Martin", siteName: "CH de Gap" })).toContain("Téléradiologue : Dr Claire Martin.");
    expect(teleradiologyStatement({ signerName: "dr. Martin", siteName: "X" })).toContain("Téléradiologue : dr. Martin.");
    expect(teleradiologyStatement({ signerName: "Pr Durand", siteName: "X" })).toContain("Téléradiologue : Pr Durand.");
    // A name that merely starts with the letters is still given the title.
    expect(teleradiologyStatement({ signerName: "Drouet", siteName: "X" })).toContain("Téléradiologue : Dr Drouet.");
  });
});

import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import { REGULATORY_SECTION_ID } from "./regulatory-block";
import { STARTER_TEMPLATES } from "./starter-templates";
import { allFields, templateDefinitionSchema } from "./template-definition";
import { defaultValues, missingRequiredFields } from "./template-values";

describe("the French starter templates", () => {
  it("are the seven promised, with unique codes", () => {
    expect(STARTER_TEMPLATES.map((t) => [t.code, t.purpose, t.modality])).toEqual([
      ["ct-head-noncontrast", "REPORT", "CT"],
      ["cta-head-neck-stroke", "REPORT", "CT"],
      ["ct-chest-pe", "REPORT", "CT"],
      ["ct-abdomen-pelvis", "REPORT", "CT"],
      ["chest-radiograph", "REPORT", "DX"],
      ["free-form", "REPORT", null],
      ["teleexpertise-opinion", "OPINION", null],
    ]);
  });

  it.each(STARTER_TEMPLATES.map((t) => [t.code, t] as const))("%s is a valid definition, unchanged by validation", (_code, template) => {
    const parsed = templateDefinitionSchema.safeParse(template.definition);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(template.definition);
  });

  it.each(STARTER_TEMPLATES.map((t) => [t.code, t] as const))("%s requires its conclusion and leaves the regulatory block to the act", (_code, template) => {
    const conclusion = allFields(template.definition).find(({ field }) => field.id === template.definition.conclusionFieldId);
    expect(conclusion?.field.required).toBe(true);
    expect(template.definition.sections.some((s) => s.id === REGULATORY_SECTION_ID)).toBe(false);
    expect(allFields(template.definition).some(({ field }) => field.id.startsWith("reg_"))).toBe(false);
    // A fresh report cannot be signed as is: something must be written.
    expect(missingRequiredFields(template.definition, defaultValues(template.definition)).length).toBeGreaterThan(0);
  });

  it("offers the stroke and trauma head CT its key items", () => {
    const head = STARTER_TEMPLATES.find((t) => t.code === "ct-head-noncontrast")!;
    const fields = Object.fromEntries(allFields(head.definition).map(({ field }) => [field.id, field]));
    expect(fields.indication).toMatchObject({ kind: "choice", options: ["AVC", "Traumatisme", "Autre"], required: true });
    expect(fields.hemorrhage).toMatchObject({ kind: "yesno", required: true });
    expect(fields.aspects).toMatchObject({ kind: "score", min: 0, max: 10 });
    expect(fields.midline_shift).toMatchObject({ kind: "number", unit: "mm" });
    expect(buildNarrative(head.definition, { indication: "AVC", hemorrhage: false, aspects: 9, conclusion: "Pas d'hémorragie." }).narrative).toBe(
      "Indication\nMotif : AVC\n\nRésultats\nHémorragie intracrânienne : non\nScore ASPECTS : 9/10",
    );
  });

  it("offers the stroke angio-CT what a neuroradiologist reads it for, in decision order", () => {
    const stroke = STARTER_TEMPLATES.find((t) => t.code === "cta-head-neck-stroke")!;
    expect(stroke.title).toBe("Angioscanner cérébral et des TSA — AVC");
    expect(stroke.definition.sections.map((s) => s.title)).toEqual([
      "Indication",
      "Technique",
      "Parenchyme",
      "Occlusion artérielle",
      "Collatéralité",
      "Perfusion (si réalisée)",
      "Autres constatations",
      "Conclusion",
    ]);
    const fields = Object.fromEntries(allFields(stroke.definition).map(({ field }) => [field.id, field]));
    expect(fields.aspects).toMatchObject({ kind: "score", min: 0, max: 10 });
    expect(fields.occlusion).toMatchObject({ kind: "yesno", required: true });
    expect(fields.occlusion_site).toMatchObject({ kind: "choice" });
    expect((fields.occlusion_site as { options: string[] }).options).toContain("Cérébrale moyenne M1");
    expect(fields.core_volume).toMatchObject({ kind: "number", unit: "mL" });
    expect(fields.perfusion_done).toMatchObject({ kind: "yesno", required: true });
  });

  it("names the pulmonary embolism levels", () => {
    const pe = STARTER_TEMPLATES.find((t) => t.code === "ct-chest-pe")!;
    expect(allFields(pe.definition).find(({ field }) => field.id === "pe_level")?.field).toMatchObject({
      options: ["Tronc", "Lobaire", "Segmentaire", "Sous-segmentaire"],
    });
  });
});

import { describe, expect, it } from "vitest";
import { STARTER_TEMPLATES } from "./starter-templates";
import { canEditTemplates, editableTemplateDefinitionSchema, saveTemplateVersionSchema, setTemplateActiveSchema, templateCodeSchema } from "./template-admin-schemas";
import type { TemplateDefinition } from "./template-definition";

const definition: TemplateDefinition = {
  sections: [{ id: "main", title: "Compte rendu", fields: [{ id: "conclusion", label: "Conclusion", kind: "text", required: true }] }],
  conclusionFieldId: "conclusion",
};
const valid = { code: "ct_head_stroke", expectedVersion: 3, title: "  Scanner cérébral  ", purpose: "REPORT", modality: "CT", definition };

/** Dotted path -> message of each issue, as the server sends field errors back. */
function issues(value: unknown): Record<string, string> {
  const result = saveTemplateVersionSchema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("template administration inputs", () => {
  it("accepts a new version of a code and trims the title", () => {
    const parsed = saveTemplateVersionSchema.parse(valid);
    expect(parsed).toMatchObject({ code: "ct_head_stroke", expectedVersion: 3, title: "Scanner cérébral", modality: "CT" });
    expect(saveTemplateVersionSchema.parse({ ...valid, expectedVersion: null, modality: null })).toMatchObject({ expectedVersion: null, modality: null });
  });

  it("takes codes as lowercase slugs of at most 64 characters", () => {
    for (const code of ["ct-thorax-ep", "avis", "rx_thorax_2"]) expect(templateCodeSchema.safeParse(code).success).toBe(true);
    for (const code of ["CT_HEAD", "scanner cérébral", "-x", "a__b", "é"]) expect(templateCodeSchema.safeParse(code).error?.issues[0]?.message).toBe("validation.id");
    expect(templateCodeSchema.safeParse("a".repeat(65)).error?.issues[0]?.message).toBe("validation.tooLong");
    expect(templateCodeSchema.safeParse("").error?.issues[0]?.message).toBe("validation.required");
  });

  it("names the field at fault with a catalogue key", () => {
    expect(issues({ ...valid, title: " " })).toEqual({ title: "validation.required" });
    expect(issues({ ...valid, title: "x".repeat(201) })).toEqual({ title: "validation.tooLong" });
    expect(issues({ ...valid, expectedVersion: 0 })).toEqual({ expectedVersion: "validation.range" });
    expect(issues({ ...valid, expectedVersion: 1.5 })).toEqual({ expectedVersion: "validation.integer" });
    expect(issues({ ...valid, purpose: "LETTER" })).toEqual({ purpose: "validation.choose" });
    expect(issues({ ...valid, modality: "XR" })).toEqual({ modality: "validation.choose" });
    expect(issues({ ...valid, definition: { ...definition, conclusionFieldId: "missing" } })).toEqual({ "definition.conclusionFieldId": "templates.validation.conclusionField" });
  });

  it("keeps the ids the product adds when a report is written (regulatory block, addendum)", () => {
    const withField = (id: string) => ({ ...definition, sections: [{ ...definition.sections[0]!, fields: [...definition.sections[0]!.fields, { id, label: "X", kind: "text" }] }] });
    expect(issues({ ...valid, definition: withField("reg_dose") })).toEqual({ "definition.sections.0.fields.1.id": "templates.validation.reservedId" });
    expect(issues({ ...valid, definition: withField("addendum_note") })).toEqual({ "definition.sections.0.fields.1.id": "templates.validation.reservedId" });
    expect(issues({ ...valid, definition: withField("regional") })).toEqual({});
    // A section named like the regulatory block would make the product believe the block is there.
    expect(issues({ ...valid, definition: { ...definition, sections: [{ ...definition.sections[0]!, id: "regulatory" }] } })).toEqual({ "definition.sections.0.id": "templates.validation.reservedId" });
  });

  it("lets the administrator save every starter template again as a new version", () => {
    for (const starter of STARTER_TEMPLATES) {
      expect(templateCodeSchema.safeParse(starter.code).success).toBe(true);
      expect(editableTemplateDefinitionSchema.safeParse(starter.definition).error?.issues ?? []).toEqual([]);
    }
  });

  it("opens the administration to administrators and department heads only", () => {
    const actor = (role: "ADMIN" | "DEPARTMENT_HEAD" | "RADIOLOGIST" | "REFERRER") => ({ id: "u", role, displayName: "U", siteId: null, readableSiteIds: [] });
    expect(canEditTemplates(actor("ADMIN"))).toBe(true);
    expect(canEditTemplates(actor("DEPARTMENT_HEAD"))).toBe(true);
    expect(canEditTemplates(actor("RADIOLOGIST"))).toBe(false);
    expect(canEditTemplates(actor("REFERRER"))).toBe(false);
    expect(setTemplateActiveSchema.safeParse({ code: "avis", active: "no" }).success).toBe(false);
  });
});

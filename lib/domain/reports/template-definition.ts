import { z } from "zod";

// A report template is data: sections of typed fields, some required, some with defaults.
// The administrator edits it as JSON; this schema is what makes such an edit safe. The same
// types drive the editor, the narrative and the signing checks (lib/domain/reports/*).

const fieldId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, { message: "templates.validation.fieldId" });
const label = z.string().trim().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" });

const base = { id: fieldId, label, required: z.boolean().optional() };

export const templateFieldSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ ...base, kind: z.literal("text"), multiline: z.boolean().optional(), default: z.string().max(4000).optional() }).strict(),
    z
      .object({ ...base, kind: z.literal("choice"), options: z.array(label).min(2, { message: "templates.validation.options" }).max(30), default: z.string().optional() })
      .strict()
      .refine((f) => f.default === undefined || f.options.includes(f.default), { message: "templates.validation.defaultNotAnOption", path: ["default"] }),
    z
      .object({ ...base, kind: z.literal("number"), unit: z.string().trim().max(20), min: z.number().optional(), max: z.number().optional(), default: z.number().optional() })
      .strict(),
    z.object({ ...base, kind: z.literal("yesno"), default: z.boolean().optional() }).strict(),
    // An integer score within a range, e.g. ASPECTS 0..10.
    z
      .object({ ...base, kind: z.literal("score"), min: z.number().int(), max: z.number().int(), default: z.number().int().optional() })
      .strict()
      .refine((f) => f.min < f.max, { message: "templates.validation.range", path: ["max"] }),
  ],
  { message: "templates.validation.fieldKind" },
);
export type TemplateField = z.output<typeof templateFieldSchema>;
export type TemplateFieldKind = TemplateField["kind"];

export const templateSectionSchema = z
  .object({
    id: fieldId,
    title: label,
    fields: z.array(templateFieldSchema).min(1, { message: "templates.validation.emptySection" }).max(60),
  })
  .strict();
export type TemplateSection = z.output<typeof templateSectionSchema>;

export const templateDefinitionSchema = z
  .object({
    sections: z.array(templateSectionSchema).min(1, { message: "templates.validation.noSection" }).max(30),
    // The text field whose value is the report's conclusion.
    conclusionFieldId: fieldId,
  })
  .strict()
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.sections.forEach((section, s) =>
      section.fields.forEach((field, f) => {
        if (seen.has(field.id)) ctx.addIssue({ code: "custom", message: "templates.validation.duplicateField", path: ["sections", s, "fields", f, "id"] });
        seen.add(field.id);
      }),
    );
    const conclusion = definition.sections.flatMap((section) => section.fields).find((field) => field.id === definition.conclusionFieldId);
    if (!conclusion || conclusion.kind !== "text") ctx.addIssue({ code: "custom", message: "templates.validation.conclusionField", path: ["conclusionFieldId"] });
  });
export type TemplateDefinition = z.output<typeof templateDefinitionSchema>;

/** One field's value in a report: text or choice (string), number or score, yes/no; null when empty. */
export type FieldValue = string | number | boolean | null;
export type ReportValues = Record<string, FieldValue>;

export const reportValuesSchema = z
  .record(fieldId, z.union([z.string().max(20_000, { message: "validation.tooLong" }).refine((text) => !text.includes("\0"), { message: "validation.invalid" }), z.number().finite(), z.boolean(), z.null()]))
  .refine((values) => Object.keys(values).length <= 300, { message: "validation.tooLong" });

/** Every field of a definition, in reading order, with its section. */
export function allFields(definition: TemplateDefinition): { section: TemplateSection; field: TemplateField }[] {
  return definition.sections.flatMap((section) => section.fields.map((field) => ({ section, field })));
}

import { z } from "zod";
import type { Actor } from "../access";
import { MODALITIES, TEMPLATE_PURPOSES, type Role } from "../enums";
import { ADDENDUM_NOTE_FIELD } from "./effective-definition";
import { REGULATORY_SECTION_ID } from "./regulatory-block";
import { templateDefinitionSchema } from "./template-definition";

// Inputs of the template administration (templates.*) and who may use it. Messages are
// catalogue keys. Department heads define templates, and the administrator
// owns the product's data: both read and edit them. Nobody else does.

const RESERVED_ID_MESSAGE = "templates.validation.reservedId";

export const TEMPLATE_EDITORS = ["ADMIN", "DEPARTMENT_HEAD"] as const satisfies readonly Role[];

export function canEditTemplates(actor: Actor): boolean {
  return (TEMPLATE_EDITORS as readonly Role[]).includes(actor.role);
}

/** A template's stable name across its versions: a lowercase slug, e.g. "ct_head_stroke". */
export const templateCodeSchema = z
  .string()
  .trim()
  .min(1, { message: "validation.required" })
  .max(64, { message: "validation.tooLong" })
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, { message: "validation.id" });

export const templateCodeInputSchema = z.object({ code: templateCodeSchema });

/**
 * Ids the product adds to a definition when a report is written (effective-definition.ts):
 * the regulatory block and the addendum note. A template using them would either collide with
 * them or, for the section id, make the regulatory block look present and so skip it.
 */
const RESERVED_SECTION_IDS: ReadonlySet<string> = new Set([REGULATORY_SECTION_ID, "addendum"]);
const RESERVED_FIELD_PREFIX = "reg_";

export function isReservedFieldId(id: string): boolean {
  return id.startsWith(RESERVED_FIELD_PREFIX) || id === ADDENDUM_NOTE_FIELD;
}

export function isReservedSectionId(id: string): boolean {
  return RESERVED_SECTION_IDS.has(id);
}

/** What an administrator may save: a valid definition that leaves the product's own ids alone. */
export const editableTemplateDefinitionSchema = templateDefinitionSchema.superRefine((definition, ctx) => {
  definition.sections.forEach((section, s) => {
    if (isReservedSectionId(section.id)) ctx.addIssue({ code: "custom", message: RESERVED_ID_MESSAGE, path: ["sections", s, "id"] });
    section.fields.forEach((field, f) => {
      if (isReservedFieldId(field.id)) ctx.addIssue({ code: "custom", message: RESERVED_ID_MESSAGE, path: ["sections", s, "fields", f, "id"] });
    });
  });
});

export const saveTemplateVersionSchema = z.object({
  code: templateCodeSchema,
  /**
   * The latest version the editor started from; null for a new code. A version is never
   * modified (signed reports point at it), so saving inserts expectedVersion + 1, and a stale
   * expectedVersion means someone else saved meanwhile: a conflict, never an overwrite.
   */
  expectedVersion: z.number({ message: "validation.integer" }).int({ message: "validation.integer" }).min(1, { message: "validation.range" }).nullable(),
  title: z.string().trim().min(1, { message: "validation.required" }).max(200, { message: "validation.tooLong" }),
  purpose: z.enum(TEMPLATE_PURPOSES, { message: "validation.choose" }),
  /** The modality it is suggested for; null for any. */
  modality: z.enum(MODALITIES, { message: "validation.choose" }).nullable(),
  definition: editableTemplateDefinitionSchema,
});
export type SaveTemplateVersion = z.output<typeof saveTemplateVersionSchema>;

export const setTemplateActiveSchema = z.object({ code: templateCodeSchema, active: z.boolean() });
export type SetTemplateActive = z.output<typeof setTemplateActiveSchema>;

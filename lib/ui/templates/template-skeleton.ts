import type { Modality, TemplatePurpose } from "@/lib/domain/enums";
import type { TemplateDefinition } from "@/lib/domain/reports/template-definition";

/** What the editor starts from: a version's metadata and its definition. */
export interface TemplateDraft {
  title: string;
  purpose: TemplatePurpose;
  modality: Modality | null;
  definition: TemplateDefinition;
}

export function formatDefinition(definition: TemplateDefinition): string {
  return JSON.stringify(definition, null, 2);
}

/** "Nouveau modèle": the smallest valid definition, findings then a conclusion. */
export const SKELETON_DEFINITION: TemplateDefinition = {
  sections: [
    { id: "resultats", title: "Résultats", fields: [{ id: "resultats", label: "Résultats", kind: "text", multiline: true, required: true }] },
    { id: "conclusion", title: "Conclusion", fields: [{ id: "conclusion", label: "Conclusion", kind: "text", multiline: true, required: true }] },
  ],
  conclusionFieldId: "conclusion",
};

export function newTemplateDraft(): TemplateDraft {
  return { title: "", purpose: "REPORT", modality: null, definition: structuredClone(SKELETON_DEFINITION) };
}

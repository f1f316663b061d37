import type { Modality, ReportVersionKind, RequestType } from "../enums";
import { withRegulatoryBlock } from "./regulatory-block";
import type { TemplateDefinition, TemplateSection } from "./template-definition";

// The form a radiologist actually fills: the template, plus the regulatory block for a
// télédiagnostic with ionising radiation (the act's report), plus, for an addendum, the
// required note saying what it corrects. Computed, never stored: the template version and the
// request say everything, so a signed version can always be re-read with its exact form.

export const ADDENDUM_NOTE_FIELD = "addendum_note";

const addendumSection: TemplateSection = {
  id: "addendum",
  title: "Addendum",
  fields: [{ id: ADDENDUM_NOTE_FIELD, label: "Motif et contenu de l'addendum", kind: "text", multiline: true, required: true }],
};

export function effectiveDefinition(
  template: TemplateDefinition,
  context: { requestType: RequestType; modality: Modality; kind: ReportVersionKind; contrastInjection?: boolean | null },
): TemplateDefinition {
  const withBlock = context.requestType === "TELEDIAGNOSTIC" ? withRegulatoryBlock(template, context.modality, { contrastInjection: context.contrastInjection }) : template;
  if (context.kind === "ORIGINAL") return withBlock;
  return { ...withBlock, sections: [addendumSection, ...withBlock.sections] };
}

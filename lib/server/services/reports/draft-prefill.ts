import "server-only";
import { contrastFromDicom, doseFromDicom } from "@/lib/domain/reports/dose-from-dicom";
import { CONTRAST_FIELD_IDS } from "@/lib/domain/reports/regulatory-block";
import { defaultValues } from "@/lib/domain/reports/template-values";
import type { ReportValues, TemplateDefinition } from "@/lib/domain/reports/template-definition";
import type { Tx } from "../../db/client";
import type { ReportSubject } from "./load-report-subject";

// Instances read for the equipment and the dose: enough for a CT's slice extent, bounded so
// that a 3,000-slice study does not load every header.
const MAX_INSTANCES = 600;

/**
 * A new draft's first values: the template's defaults, then what the request and the images
 * already say (justification, procedure, equipment, dose; the expert question), so that the
 * radiologist checks rather than retypes.
 */
export async function prefillDraft(tx: Tx, request: ReportSubject, definition: TemplateDefinition): Promise<ReportValues> {
  const values = defaultValues(definition);
  const has = (id: string) => id in values;
  if (has("question")) values.question = request.expertQuestion ?? request.clinicalQuestion;
  if (has("reg_justification")) values.reg_justification = [request.clinicalQuestion, request.proposedExam ? `Examen proposé : ${request.proposedExam}` : null].filter(Boolean).join("\n");
  if (has("reg_procedure")) {
    const protocol = request.protocolItem?.label ?? request.protocolText;
    const contrast = request.contrastInjection === true ? "avec injection de produit de contraste" : request.contrastInjection === false ? "sans injection" : null;
    values.reg_procedure = [protocol, contrast].filter(Boolean).join(", ") || null;
  }
  const wantsContrast = has(CONTRAST_FIELD_IDS.product) || has(CONTRAST_FIELD_IDS.volume);
  if (has("reg_equipment") || has("reg_dose") || wantsContrast) {
    const instances = await tx.dicomInstance.findMany({
      where: { series: { study: { requestId: request.id } } },
      select: { metadata: true },
      orderBy: { instanceNumber: "asc" },
      take: MAX_INSTANCES,
    });
    const fromImages = doseFromDicom(request.modality, instances.map((instance) => instance.metadata));
    if (has("reg_equipment") && fromImages.equipment) values.reg_equipment = fromImages.equipment;
    // A dose estimated from part of the study would be wrong in a regulatory field: when the
    // read was capped, the radiologist enters the dose from the scanner's dose report.
    const complete = instances.length < MAX_INSTANCES;
    if (has("reg_dose") && fromImages.dose && complete) values.reg_dose = fromImages.dose.value;
    if (wantsContrast) {
      // What the scanner or its injector wrote in the headers; the radiologist confirms it.
      const contrast = contrastFromDicom(instances.map((instance) => instance.metadata));
      if (contrast.product) values[CONTRAST_FIELD_IDS.product] = contrast.product;
      if (contrast.volume !== null) values[CONTRAST_FIELD_IDS.volume] = contrast.volume;
      if (contrast.route && has(CONTRAST_FIELD_IDS.route)) values[CONTRAST_FIELD_IDS.route] = contrast.route;
    }
  }
  return values;
}

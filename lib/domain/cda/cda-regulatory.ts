import type { Modality } from "../enums";
import { formatFrenchNumber } from "../reports/narrative";
import { isIonising, regulatorySection } from "../reports/regulatory-block";

// The regulatory block (arrêté du 22 septembre 2006: justification, procedure, equipment, dose
// with its unit) as lines for the CDA's procedure section, read from the signed values with the
// labels and units the block itself defines, so the CDA says what the report form asked.

export interface RegulatoryLines {
  lines: string[];
  dose: string[];
}

export function regulatoryLines(modality: Modality, values: unknown, contrastInjection: boolean | null): RegulatoryLines {
  if (!isIonising(modality) || typeof values !== "object" || values === null || Array.isArray(values)) return { lines: [], dose: [] };
  const record = values as Record<string, unknown>;
  const lines: string[] = [];
  const dose: string[] = [];
  for (const field of regulatorySection(modality, { contrastInjection }).fields) {
    const value = record[field.id];
    let text: string | null = null;
    if (typeof value === "number" && Number.isFinite(value)) text = formatFrenchNumber(value);
    else if (typeof value === "string" && value.trim() !== "") text = value.trim();
    if (text === null) continue;
    const unit = "unit" in field && field.unit ? ` ${field.unit}` : "";
    const line = `${field.label} : ${text}${unit}`;
    lines.push(line);
    if (field.id === "reg_dose") dose.push(line);
  }
  return { lines, dose };
}

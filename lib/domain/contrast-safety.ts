import type { PregnancyStatus, RenalFunction, YesNoUnknown } from "./enums";

// The contrast decision is checked against the safety items the request form collected
// (the protocol step). A contraindication blocks an injection unless the radiologist
// writes why they inject anyway; a caution is shown but does not block.

export interface ContrastSafetyItems {
  renalFunction: RenalFunction | null;
  egfr: number | null;
  contrastAllergy: YesNoUnknown | null;
  pregnancy: PregnancyStatus | null;
  metformin: YesNoUnknown | null;
}

export const CONTRAST_FINDINGS = [
  "RENAL_SEVERE",
  "RENAL_IMPAIRED",
  "RENAL_UNKNOWN",
  "ALLERGY",
  "ALLERGY_UNKNOWN",
  "PREGNANT",
  "PREGNANCY_POSSIBLE",
  "METFORMIN_RENAL",
  "METFORMIN",
] as const;
export type ContrastFindingCode = (typeof CONTRAST_FINDINGS)[number];

export interface ContrastFinding {
  code: ContrastFindingCode;
  severity: "contraindication" | "caution";
}

/** eGFR thresholds (mL/min/1.73 m²) of the ESUR guidelines on iodinated contrast. */
const EGFR_SEVERE = 30;
const EGFR_IMPAIRED = 45;

export function contrastFindings(items: ContrastSafetyItems): ContrastFinding[] {
  const findings: ContrastFinding[] = [];
  const add = (code: ContrastFindingCode, severity: ContrastFinding["severity"]) => findings.push({ code, severity });

  const severeRenal = (items.egfr !== null && items.egfr < EGFR_SEVERE) || items.renalFunction === "SEVERELY_IMPAIRED";
  const impairedRenal = !severeRenal && ((items.egfr !== null && items.egfr < EGFR_IMPAIRED) || items.renalFunction === "IMPAIRED");
  const unknownRenal = items.egfr === null && (items.renalFunction === null || items.renalFunction === "UNKNOWN");
  if (severeRenal) add("RENAL_SEVERE", "contraindication");
  else if (impairedRenal) add("RENAL_IMPAIRED", "caution");
  else if (unknownRenal) add("RENAL_UNKNOWN", "caution");

  if (items.contrastAllergy === "YES") add("ALLERGY", "contraindication");
  else if (items.contrastAllergy === "UNKNOWN" || items.contrastAllergy === null) add("ALLERGY_UNKNOWN", "caution");

  if (items.pregnancy === "PREGNANT") add("PREGNANT", "contraindication");
  else if (items.pregnancy === "POSSIBLE") add("PREGNANCY_POSSIBLE", "caution");

  if (items.metformin === "YES") add(severeRenal ? "METFORMIN_RENAL" : "METFORMIN", severeRenal ? "contraindication" : "caution");

  return findings;
}

export type ContrastCheck =
  | { ok: true; findings: ContrastFinding[] }
  | { ok: false; findings: ContrastFinding[]; contraindications: ContrastFindingCode[] };

/**
 * Whether a protocol's contrast decision may be sent. Without injection nothing blocks; with
 * it, each contraindication must be answered by a written override reason.
 */
export function checkContrastDecision(items: ContrastSafetyItems, inject: boolean, overrideReason: string | null): ContrastCheck {
  const findings = inject ? contrastFindings(items) : [];
  const contraindications = findings.filter((finding) => finding.severity === "contraindication").map((finding) => finding.code);
  if (contraindications.length > 0 && !overrideReason?.trim()) return { ok: false, findings, contraindications };
  return { ok: true, findings };
}

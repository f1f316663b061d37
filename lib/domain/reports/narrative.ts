import type { FieldValue, ReportValues, TemplateDefinition, TemplateField } from "./template-definition";
import { CONTRAST_FIELD_IDS } from "./regulatory-block";
import { isEmptyValue } from "./template-values";

// The readable report: what the referrer reads, what the PDF prints and what the signature
// covers (the narrative is part of the fingerprinted content). It must therefore be a pure,
// deterministic function of the definition and the values: no locale APIs, no clock.

export interface Narrative {
  narrative: string;
  conclusion: string;
}

/** French writes decimals with a comma; String() keeps the exact digits the radiologist typed. */
export function formatFrenchNumber(value: number): string {
  return String(value).replace(".", ",");
}

/** Text cleaned for print: unified line ends, no trailing spaces, no runs of blank lines. */
function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function formatValue(field: TemplateField, value: Exclude<FieldValue, null>): string {
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") {
    if (field.kind === "score") return `${formatFrenchNumber(value)}/${field.max}`;
    const unit = field.kind === "number" ? field.unit.trim() : "";
    return unit ? `${formatFrenchNumber(value)} ${unit}` : formatFrenchNumber(value);
  }
  return cleanText(value);
}

function fieldLines(field: TemplateField, value: Exclude<FieldValue, null>): string[] {
  const text = formatValue(field, value);
  // A long text reads as a paragraph under its label; a line break typed in a short field too.
  if (typeof value === "string" && ((field.kind === "text" && field.multiline === true) || text.includes("\n"))) {
    return [`${field.label} :`, text];
  }
  return [`${field.label} : ${text}`];
}

/** The contrast agent given, on one line: "Produit de contraste : Iomeron 350, 70 mL, voie intraveineuse". */
function contrastLine(values: ReportValues): string | null {
  const product = values[CONTRAST_FIELD_IDS.product];
  if (typeof product !== "string" || cleanText(product) === "") return null;
  const volume = values[CONTRAST_FIELD_IDS.volume];
  const route = values[CONTRAST_FIELD_IDS.route];
  const parts = [cleanText(product), typeof volume === "number" ? `${formatFrenchNumber(volume)} mL` : null, typeof route === "string" && route.trim() ? `voie ${route.trim().toLowerCase()}` : null];
  return `Produit de contraste : ${parts.filter(Boolean).join(", ")}`;
}

const CONTRAST_DETAILS: ReadonlySet<string> = new Set([CONTRAST_FIELD_IDS.volume, CONTRAST_FIELD_IDS.route]);

export function buildNarrative(definition: TemplateDefinition, values: ReportValues): Narrative {
  const blocks: string[] = [];
  for (const section of definition.sections) {
    const lines: string[] = [];
    for (const field of section.fields) {
      const value = values[field.id];
      // The conclusion is stored and printed on its own, once (report-document.ts): never inside the narrative.
      if (field.id === definition.conclusionFieldId || CONTRAST_DETAILS.has(field.id) || value === undefined || value === null || isEmptyValue(value)) continue;
      if (field.id === CONTRAST_FIELD_IDS.product) {
        const line = contrastLine(values);
        if (line) lines.push(line);
        continue;
      }
      lines.push(...fieldLines(field, value));
    }
    if (lines.length > 0) blocks.push([section.title.trim(), ...lines].join("\n"));
  }
  const raw = values[definition.conclusionFieldId];
  // The schema makes the conclusion a text field; anything else is an invalid value that signing refuses.
  const conclusion = typeof raw === "string" ? cleanText(raw) : "";
  return { narrative: blocks.join("\n\n").trim(), conclusion };
}

import type { Modality } from "../enums";
import type { TemplateDefinition, TemplateField, TemplateSection } from "./template-definition";

// French rules (arrêté du 22 septembre 2006) require every report of an act using ionising
// radiation to state the justification, the procedure, the equipment and the dose. Templates
// stay modality-neutral data: this block is appended when a report is written for an ionising
// act, so that no administrator edit can forget it and no template carries it twice.

export const REGULATORY_SECTION_ID = "regulatory";

const IONISING: ReadonlySet<Modality> = new Set<Modality>(["CT", "CR", "DX", "XA", "MG", "NM", "PT"]);

export function isIonising(modality: Modality): boolean {
  return IONISING.has(modality);
}

/** The dose quantity the rules name for each kind of act: DLP for CT, DAP for projection imaging, activity for nuclear medicine. */
function doseField(modality: Modality): TemplateField {
  const base = { id: "reg_dose", kind: "number", required: true, min: 0 } as const;
  switch (modality) {
    case "CT":
      return { ...base, label: "Produit dose·longueur (PDL)", unit: "mGy·cm" };
    case "NM":
    case "PT":
      return { ...base, label: "Activité administrée", unit: "MBq" };
    case "CR":
    case "DX":
    case "XA":
    case "MG":
    case "MR":
    case "US":
    case "OT":
      return { ...base, label: "Produit dose·surface (PDS)", unit: "mGy·cm²" };
  }
}

/** Routes a contrast agent is given by, most frequent first (the default is the first). */
export const CONTRAST_ROUTES = ["Intraveineuse", "Intra-artérielle", "Orale", "Rectale", "Intra-articulaire", "Autre"] as const;

export const CONTRAST_FIELD_IDS = { product: "reg_contrast_product", volume: "reg_contrast_volume", route: "reg_contrast_route" } as const;

/**
 * The contrast agent given, for an injected act: product, volume and route are what a later
 * reader (a reaction, a nephrotoxicity question, the next injection) needs from the report.
 * Asked only when the protocol decided an injection, so an unenhanced act's report has no
 * empty contrast line.
 */
function contrastFields(): TemplateField[] {
  return [
    { id: CONTRAST_FIELD_IDS.product, kind: "text", required: true, label: "Produit de contraste administré" },
    // 500 mL is far above any diagnostic injection: a larger figure is a typing slip.
    { id: CONTRAST_FIELD_IDS.volume, kind: "number", required: true, label: "Volume de produit de contraste", unit: "mL", min: 1, max: 500 },
    { id: CONTRAST_FIELD_IDS.route, kind: "choice", required: true, label: "Voie d'administration", options: [...CONTRAST_ROUTES], default: CONTRAST_ROUTES[0] },
  ];
}

export interface RegulatoryContext {
  /** The protocol's contrast decision: true when the act is injected. */
  contrastInjection?: boolean | null;
}

export function regulatorySection(modality: Modality, context: RegulatoryContext = {}): TemplateSection {
  return {
    id: REGULATORY_SECTION_ID,
    title: "Informations réglementaires (radioprotection)",
    fields: [
      { id: "reg_justification", kind: "text", multiline: true, required: true, label: "Justification de l'acte" },
      { id: "reg_procedure", kind: "text", required: true, label: "Procédure réalisée" },
      { id: "reg_equipment", kind: "text", required: true, label: "Équipement" },
      doseField(modality),
      ...(context.contrastInjection === true ? contrastFields() : []),
    ],
  };
}

/** The definition a report is written with: the template's, plus the regulatory block for ionising acts. */
export function withRegulatoryBlock(definition: TemplateDefinition, modality: Modality, context: RegulatoryContext = {}): TemplateDefinition {
  if (!isIonising(modality)) return definition;
  // Idempotent: a definition that already went through here (e.g. a stored draft's) is kept as is.
  if (definition.sections.some((section) => section.id === REGULATORY_SECTION_ID)) return definition;
  return { ...definition, sections: [...definition.sections, regulatorySection(modality, context)] };
}

/** The statement every teleradiology report carries: the act was performed remotely, and by whom. */
export function teleradiologyStatement(args: { signerName: string; siteName: string }): string {
  const name = args.signerName.trim();
  // Display names sometimes already carry a title ("Dr Martin", "Pr Durand"): never "Dr Dr".
  const signer = /^(dr|pr|docteur|professeur)\.?(\s|$)/i.test(name) ? name : `Dr ${name}`;
  return `Acte réalisé par téléradiologie pour le site ${args.siteName.trim()}. Téléradiologue : ${signer}.`;
}

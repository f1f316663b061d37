import type { Modality, TemplatePurpose } from "../enums";
import type { TemplateField, TemplateSection, TemplateDefinition } from "./template-definition";

// The French starter set, installed once as version 1 of each code (ensure-starter-templates.ts);
// the administrator edits them afterwards as new versions. None carries the regulatory block:
// withRegulatoryBlock adds it when the act uses ionising radiation. Fields that mean the same
// thing share an id across templates (indication, clinical_context, findings, conclusion), so
// that switching template keeps what was already written (coerceToDefinition).

export interface StarterTemplate {
  code: string;
  title: string;
  purpose: TemplatePurpose;
  modality: Modality | null;
  definition: TemplateDefinition;
}

const text = (id: string, label: string, more: { required?: boolean; multiline?: boolean; default?: string } = {}): TemplateField => ({ id, kind: "text", label, ...more });
const longText = (id: string, label: string, required = false): TemplateField => text(id, label, { multiline: true, required });
const yesNo = (id: string, label: string, required = false): TemplateField => ({ id, kind: "yesno", label, required });
const choice = (id: string, label: string, options: string[], required = false): TemplateField => ({ id, kind: "choice", label, options, required });
const conclusionSection = (label = "Conclusion"): TemplateSection => ({ id: "closing", title: "Conclusion", fields: [longText("conclusion", label, true)] });
const clinicalContext = text("clinical_context", "Contexte clinique");

const ctHead: StarterTemplate = {
  code: "ct-head-noncontrast",
  title: "Scanner cérébral sans injection — AVC / traumatisme",
  purpose: "REPORT",
  modality: "CT",
  definition: {
    sections: [
      {
        id: "clinical",
        title: "Indication",
        fields: [
          choice("indication", "Motif", ["AVC", "Traumatisme", "Autre"], true),
          clinicalContext,
          { id: "onset_hours", kind: "number", label: "Délai depuis le début des symptômes", unit: "h", min: 0, max: 720 },
        ],
      },
      {
        id: "results",
        title: "Résultats",
        fields: [
          yesNo("hemorrhage", "Hémorragie intracrânienne", true),
          yesNo("ischaemia", "Signes précoces d'ischémie"),
          { id: "aspects", kind: "score", label: "Score ASPECTS", min: 0, max: 10 },
          { id: "midline_shift", kind: "number", label: "Déviation de la ligne médiane", unit: "mm", min: 0, max: 50 },
          yesNo("fracture", "Fracture du crâne ou du massif facial"),
          longText("findings", "Description"),
        ],
      },
      conclusionSection(),
    ],
    conclusionFieldId: "conclusion",
  },
};

const number = (id: string, label: string, unit: string, min: number, max: number): TemplateField => ({ id, kind: "number", label, unit, min, max });

// What a neuroradiologist reads an acute stroke angio-CT for, in the order of the thrombolysis
// and thrombectomy decision: bleeding and established infarct (ASPECTS), the occlusion and its
// level, the collaterals, then perfusion when it was acquired. The contrast agent itself is
// recorded in the regulatory block (regulatory-block.ts), which an injected act always gets.
const ctaStroke: StarterTemplate = {
  code: "cta-head-neck-stroke",
  title: "Angioscanner cérébral et des TSA — AVC",
  purpose: "REPORT",
  modality: "CT",
  definition: {
    sections: [
      {
        id: "clinical",
        title: "Indication",
        fields: [
          clinicalContext,
          { id: "onset_hours", kind: "number", label: "Délai depuis le début des symptômes", unit: "h", min: 0, max: 720 },
          { id: "nihss", kind: "score", label: "Score NIHSS", min: 0, max: 42 },
        ],
      },
      {
        id: "technique",
        title: "Technique",
        fields: [
          yesNo("noncontrast_phase", "Acquisition cérébrale sans injection préalable", true),
          text("injection_protocol", "Injection (débit, déclenchement)"),
          choice("opacification", "Qualité de l'opacification artérielle", ["Bonne", "Suffisante", "Insuffisante"], true),
          yesNo("perfusion_done", "Perfusion cérébrale réalisée", true),
        ],
      },
      {
        id: "parenchyma",
        title: "Parenchyme",
        fields: [
          yesNo("hemorrhage", "Hémorragie intracrânienne", true),
          yesNo("ischaemia", "Signes précoces d'ischémie"),
          { id: "aspects", kind: "score", label: "Score ASPECTS", min: 0, max: 10 },
          longText("parenchyma_findings", "Description du parenchyme"),
        ],
      },
      {
        id: "occlusion",
        title: "Occlusion artérielle",
        fields: [
          yesNo("occlusion", "Occlusion artérielle", true),
          choice("occlusion_site", "Site de l'occlusion", [
            "Carotide interne cervicale",
            "Carotide interne intracrânienne (T carotidien)",
            "Cérébrale moyenne M1",
            "Cérébrale moyenne M2",
            "Cérébrale moyenne distale (M3-M4)",
            "Cérébrale antérieure",
            "Cérébrale postérieure",
            "Vertébrale",
            "Tronc basilaire",
          ]),
          choice("occlusion_side", "Côté", ["Droit", "Gauche"]),
          yesNo("tandem", "Lésion en tandem (cervicale et intracrânienne)"),
          text("neck_arteries", "Troncs supra-aortiques (sténose, dissection)"),
        ],
      },
      {
        id: "collaterals",
        title: "Collatéralité",
        fields: [choice("collaterals", "Circulation collatérale", ["Bonne (> 50 %)", "Intermédiaire", "Pauvre (< 50 %)", "Absente"])],
      },
      {
        id: "perfusion",
        title: "Perfusion (si réalisée)",
        fields: [
          number("core_volume", "Volume du cœur ischémique", "mL", 0, 2000),
          number("penumbra_volume", "Volume de pénombre (Tmax > 6 s)", "mL", 0, 2000),
          number("mismatch_ratio", "Rapport de mismatch", "", 0, 100),
        ],
      },
      { id: "other", title: "Autres constatations", fields: [longText("findings", "Autres constatations")] },
      conclusionSection(),
    ],
    conclusionFieldId: "conclusion",
  },
};

const ctChestPe: StarterTemplate = {
  code: "ct-chest-pe",
  title: "Angioscanner thoracique — embolie pulmonaire",
  purpose: "REPORT",
  modality: "CT",
  definition: {
    sections: [
      { id: "clinical", title: "Indication", fields: [clinicalContext] },
      {
        id: "technique",
        title: "Technique",
        fields: [choice("opacification", "Qualité de l'opacification artérielle pulmonaire", ["Bonne", "Suffisante", "Insuffisante"], true)],
      },
      {
        id: "results",
        title: "Résultats",
        fields: [
          yesNo("pulmonary_embolism", "Embolie pulmonaire", true),
          choice("pe_level", "Niveau le plus proximal", ["Tronc", "Lobaire", "Segmentaire", "Sous-segmentaire"]),
          { id: "rv_lv_ratio", kind: "number", label: "Rapport VD/VG", unit: "", min: 0, max: 5 },
          longText("findings", "Autres anomalies"),
        ],
      },
      conclusionSection(),
    ],
    conclusionFieldId: "conclusion",
  },
};

const ctAbdomenPelvis: StarterTemplate = {
  code: "ct-abdomen-pelvis",
  title: "Scanner abdomino-pelvien",
  purpose: "REPORT",
  modality: "CT",
  definition: {
    sections: [
      {
        id: "clinical",
        title: "Indication",
        fields: [clinicalContext, choice("contrast_phase", "Injection", ["Sans injection", "Temps portal", "Multiphasique"])],
      },
      {
        id: "organs",
        title: "Organes",
        fields: [
          text("liver", "Foie"),
          text("biliary", "Vésicule et voies biliaires"),
          text("pancreas", "Pancréas"),
          text("spleen", "Rate"),
          text("adrenals", "Surrénales"),
          text("kidneys", "Reins et voies excrétrices"),
          text("bowel", "Tube digestif"),
          text("bladder_pelvis", "Vessie et organes pelviens"),
          text("vessels_nodes", "Vaisseaux et ganglions"),
          text("bones_wall", "Os et paroi"),
        ],
      },
      {
        id: "peritoneum",
        title: "Péritoine",
        fields: [yesNo("free_fluid", "Épanchement péritonéal", true), yesNo("pneumoperitoneum", "Pneumopéritoine", true)],
      },
      { id: "other", title: "Autres constatations", fields: [longText("findings", "Autres constatations")] },
      conclusionSection(),
    ],
    conclusionFieldId: "conclusion",
  },
};

const chestRadiograph: StarterTemplate = {
  code: "chest-radiograph",
  title: "Radiographie thoracique",
  purpose: "REPORT",
  modality: "DX",
  definition: {
    sections: [
      { id: "clinical", title: "Indication", fields: [clinicalContext] },
      { id: "technique", title: "Technique", fields: [choice("projection", "Incidence", ["Face debout", "Face couché", "Face et profil"], true)] },
      { id: "results", title: "Résultats", fields: [longText("findings", "Description")] },
      conclusionSection(),
    ],
    conclusionFieldId: "conclusion",
  },
};

const freeForm: StarterTemplate = {
  code: "free-form",
  title: "Compte rendu libre",
  purpose: "REPORT",
  modality: null,
  definition: {
    sections: [
      { id: "clinical", title: "Indication", fields: [clinicalContext] },
      { id: "results", title: "Résultats", fields: [longText("findings", "Compte rendu", true)] },
      conclusionSection(),
    ],
    conclusionFieldId: "conclusion",
  },
};

// Téléexpertise: the expert answers the requester's question; the requester keeps the care of
// the patient, so the opinion states what was reviewed and what is recommended.
const teleexpertiseOpinion: StarterTemplate = {
  code: "teleexpertise-opinion",
  title: "Avis de téléexpertise",
  purpose: "OPINION",
  modality: null,
  definition: {
    sections: [
      {
        id: "request",
        title: "Demande",
        fields: [longText("question", "Question posée"), text("images_reviewed", "Examens et images analysés")],
      },
      { id: "analysis", title: "Analyse", fields: [longText("analysis", "Analyse", true)] },
      {
        id: "closing",
        title: "Avis",
        fields: [longText("conclusion", "Réponse à la question posée", true), longText("recommendations", "Recommandations")],
      },
    ],
    conclusionFieldId: "conclusion",
  },
};

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [ctHead, ctaStroke, ctChestPe, ctAbdomenPelvis, chestRadiograph, freeForm, teleexpertiseOpinion];

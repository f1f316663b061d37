import type { InsStatus } from "../identity/ins-status";
import { type SubmitRequest, type SubmitRequestInput, submitRequestSchema } from "../submit-request-schema";
import { type Hl7ErrorLocation, type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import { readPriority } from "./hl7-priority";
import { firstSegment, type Hl7Tree, segmentsNamed, valueOf } from "./hl7-tree";
import { displayOf, type Observation, observationsCoded, observationsOf, subIdPart } from "./read-observations";
import { readPatient } from "./read-patient";
import { readOrderingProvider, type OrderingProvider } from "./read-ordering-provider";

// ORM^O01 with ORC-1 = NW (volet Téléradiologie, flow 1) → the same request the form submits,
// validated by the same schema. Where each item travels is in docs/interfaces.md: the volet's
// own segments and OBX codes first, then the product's OBX codes for the items the volet's
// minimum content names but does not code yet (contraindications, prior results, technique,
// delay, patient information).

/** OBX-3.1 codes read from an order. The volet's (TLR_OBSERVATION, LOINC), then the product's. */
export const ORDER_OBSERVATIONS = {
  MODALITY: "MODALITE_IMAGERIE",
  REGION: "REGION_ANATOMIQUE",
  HISTORY: "11322-5",
  PREGNANCY: "82810-3",
  EGFR: "33914-3",
  RENAL_FUNCTION: "FONCTION_RENALE",
  CONTRAST_ALLERGY: "ALLERGIE_PRODUIT_CONTRASTE",
  METFORMIN: "METFORMINE",
  CONTRAINDICATION: "CONTRE_INDICATION",
  PRIOR_RESULTS: "RESULTATS_ANTERIEURS",
  REQUESTED_TECHNIQUE: "TECHNIQUE_DEMANDEE",
  DESIRED_DELAY: "DELAI_SOUHAITE",
  PATIENT_INFORMED: "INFORMATION_PATIENT",
} as const;

export interface NewOrder {
  placerOrderNumber: string;
  /** Validated by submitRequestSchema; its idempotency key is the server's to set. */
  request: SubmitRequest & { type: "TELEDIAGNOSTIC" };
  sitePatientIdIssuer: string | null;
  insStatus: InsStatus | null;
  orderingProvider: OrderingProvider;
  otherContraindications: string | null;
  priorResults: string | null;
  requestedTechnique: string | null;
  desiredDelay: string | null;
}

export const PLACER_ORDER_NUMBER_MAX = 64;

/** The placer order number (ORC-2.1, else OBR-2.1), with the problem when there is none. */
export function readPlacerOrderNumber(tree: Hl7Tree): { placerOrderNumber: string; problems: Hl7Problem[] } {
  const placerOrderNumber = valueOf(firstSegment(tree, "ORC"), 2, 1) || valueOf(firstSegment(tree, "OBR"), 2, 1);
  if (!placerOrderNumber) return { placerOrderNumber, problems: [problem(E.REQUIRED_FIELD_MISSING, "numéro de demande (ORC-2) absent", { segment: "ORC", field: 2 })] };
  if (placerOrderNumber.length > PLACER_ORDER_NUMBER_MAX) {
    return { placerOrderNumber, problems: [problem(E.DATA_TYPE_ERROR, `numéro de demande trop long (${PLACER_ORDER_NUMBER_MAX} caractères au plus)`, { segment: "ORC", field: 2 })] };
  }
  return { placerOrderNumber, problems: [] };
}

export function mapNewOrder(tree: Hl7Tree): { order: NewOrder | null; problems: Hl7Problem[] } {
  const problems: Hl7Problem[] = [];
  for (const name of ["ORC", "OBR"] as const) {
    if (!firstSegment(tree, name)) problems.push(problem(E.SEGMENT_SEQUENCE, `segment ${name} absent`, { segment: name }));
  }
  const { patient, problems: patientProblems } = readPatient(tree);
  problems.push(...patientProblems);
  const placer = readPlacerOrderNumber(tree);
  if (firstSegment(tree, "ORC")) problems.push(...placer.problems);
  const provider = readOrderingProvider(tree);
  problems.push(...provider.problems);
  const priority = readPriority(tree);
  problems.push(...priority.problems);
  if (!patient || problems.length > 0 || !provider.provider) return { order: null, problems };

  const obr = firstSegment(tree, "OBR");
  const observations = observationsOf(tree);
  const located = new Map<string, Hl7ErrorLocation>();
  // A value is located at its OBX-5; a missing observation at OBX-3 (where its code should be).
  const at = (observation: Observation | undefined): Hl7ErrorLocation =>
    observation ? { segment: "OBX", sequence: observation.sequence, field: 5 } : { segment: "OBX", field: 3 };

  // Modality (volet: required): the DICOM code when this product knows it, else OT.
  const [modalityObservation] = observationsCoded(observations, ORDER_OBSERVATIONS.MODALITY);
  if (!modalityObservation?.value) problems.push(problem(E.REQUIRED_FIELD_MISSING, "modalité d'imagerie (OBX MODALITE_IMAGERIE) absente", { segment: "OBX", field: 3 }));
  located.set("modality", at(modalityObservation));
  const modalityCode = modalityObservation?.value.toUpperCase() ?? "";
  const modality = (["CT", "MR", "CR", "DX", "US", "XA", "MG", "NM", "PT"] as const).find((code) => code === modalityCode) ?? "OT";

  // Anatomical region (volet: required n.1, optional n.2 precision): their texts, joined.
  const regions = observationsCoded(observations, ORDER_OBSERVATIONS.REGION).sort((a, b) => subIdPart(a) - subIdPart(b));
  if (regions.length === 0) problems.push(problem(E.REQUIRED_FIELD_MISSING, "région anatomique (OBX REGION_ANATOMIQUE) absente", { segment: "OBX", field: 3 }));
  located.set("bodyRegion", at(regions[0]));
  const bodyRegion = regions.map(displayOf).filter(Boolean).join(", ");

  // Clinical context: OBR-13 (the justification), then the relevant history (LOINC 11322-5).
  const justification = valueOf(obr, 13, 1);
  const history = observationsCoded(observations, ORDER_OBSERVATIONS.HISTORY).map((observation) => observation.value).filter(Boolean);
  const clinicalContext = [justification, ...history.map((text) => `Antécédents : ${text}`)].filter(Boolean).join("\n");
  located.set("clinicalContext", { segment: "OBR", field: 13 });
  // Purpose of the exam: the NTE FINALITE_EXAMEN notes; without them the justification is the question.
  const purposes = segmentsNamed(tree, "NTE").filter((nte) => valueOf(nte, 4, 1).toUpperCase() === "FINALITE_EXAMEN").map((nte) => valueOf(nte, 3, 1)).filter(Boolean);
  const clinicalQuestion = purposes.length > 0 ? purposes.join("\n") : justification;
  located.set("clinicalQuestion", purposes.length > 0 ? { segment: "NTE", field: 3 } : { segment: "OBR", field: 13 });

  const yesNo = (code: string, field: string): "YES" | "NO" | "UNKNOWN" => {
    const [observation] = observationsCoded(observations, code);
    if (!observation?.value) return "UNKNOWN";
    const value = observation.value.toUpperCase();
    if (value === "Y") return "YES";
    if (value === "N") return "NO";
    if (value !== "U" && value !== "UNK") problems.push(problem(E.TABLE_VALUE_NOT_FOUND, `${field} : « ${observation.value} » inconnu (Y, N ou U attendu)`, at(observation)));
    return "UNKNOWN";
  };
  const pregnancyAnswer = yesNo(ORDER_OBSERVATIONS.PREGNANCY, "statut de grossesse");
  const pregnancy = pregnancyAnswer === "YES" ? "PREGNANT" : pregnancyAnswer === "NO" ? "NOT_PREGNANT" : patient.sex === "MALE" ? "NOT_APPLICABLE" : "POSSIBLE";
  const [renal] = observationsCoded(observations, ORDER_OBSERVATIONS.RENAL_FUNCTION);
  const [egfr] = observationsCoded(observations, ORDER_OBSERVATIONS.EGFR);
  located.set("contrast.renalFunction", at(renal));
  located.set("contrast.egfr", at(egfr));
  const texts = (code: string) => observationsCoded(observations, code).map((observation) => observation.value).filter(Boolean);
  const joined = (code: string, max: number) => texts(code).join("\n").slice(0, max) || null;
  const informed = yesNo(ORDER_OBSERVATIONS.PATIENT_INFORMED, "information du patient") === "YES";
  const contrastAllergy = yesNo(ORDER_OBSERVATIONS.CONTRAST_ALLERGY, "allergie aux produits de contraste");
  const metformin = yesNo(ORDER_OBSERVATIONS.METFORMIN, "metformine");

  const candidate: SubmitRequestInput = {
    type: "TELEDIAGNOSTIC",
    idempotencyKey: "hl7-order",
    priority: priority.priority,
    patient: { familyName: patient.familyName, givenName: patient.givenName, birthDate: patient.birthDate, sex: patient.sex as never, sitePatientId: patient.sitePatientId, ins: patient.ins ?? undefined },
    siteAccessionNumber: valueOf(obr, 18, 1) || undefined,
    modality,
    bodyRegion,
    clinicalContext,
    clinicalQuestion,
    contrast: { renalFunction: (renal?.value.toUpperCase() || "UNKNOWN") as never, egfr: egfr?.value || undefined, contrastAllergy, pregnancy, metformin },
    patientInformed: informed,
  };
  located.set("patient.familyName", { segment: "PID", field: 5, component: 1 });
  located.set("patient.givenName", { segment: "PID", field: 5, component: 2 });
  located.set("patient.birthDate", { segment: "PID", field: 7 });
  located.set("patient.sex", { segment: "PID", field: 8 });
  located.set("patient.sitePatientId", { segment: "PID", field: 3 });
  located.set("patient.ins", { segment: "PID", field: 3 });
  located.set("siteAccessionNumber", { segment: "OBR", field: 18 });
  const parsed = submitRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      problems.push(problem(codeOf(issue.message), `${FIELD_NAMES[path] ?? path} : ${MESSAGES[issue.message] ?? "valeur invalide"}`, located.get(path) ?? { segment: "OBR" }));
    }
  }
  if (problems.length > 0 || !parsed.success || parsed.data.type !== "TELEDIAGNOSTIC") return { order: null, problems };
  return {
    problems,
    order: {
      placerOrderNumber: placer.placerOrderNumber,
      request: parsed.data,
      sitePatientIdIssuer: patient.sitePatientIdIssuer,
      insStatus: patient.insStatus,
      orderingProvider: provider.provider,
      otherContraindications: joined(ORDER_OBSERVATIONS.CONTRAINDICATION, 2000),
      priorResults: joined(ORDER_OBSERVATIONS.PRIOR_RESULTS, 4000),
      requestedTechnique: joined(ORDER_OBSERVATIONS.REQUESTED_TECHNIQUE, 500),
      desiredDelay: joined(ORDER_OBSERVATIONS.DESIRED_DELAY, 200),
    },
  };
}

function codeOf(message: string): Hl7Problem["code"] {
  if (message === "validation.required") return E.REQUIRED_FIELD_MISSING;
  if (message === "validation.choose") return E.TABLE_VALUE_NOT_FOUND;
  return E.DATA_TYPE_ERROR;
}

const FIELD_NAMES: Record<string, string> = {
  "patient.familyName": "nom de naissance",
  "patient.givenName": "prénom",
  "patient.birthDate": "date de naissance",
  "patient.sex": "sexe",
  "patient.sitePatientId": "IPP",
  "patient.ins": "INS",
  siteAccessionNumber: "numéro d'accession",
  modality: "modalité",
  bodyRegion: "région anatomique",
  clinicalContext: "justification de la demande",
  clinicalQuestion: "finalité de l'examen",
  "contrast.renalFunction": "fonction rénale",
  "contrast.egfr": "DFG",
};

const MESSAGES: Record<string, string> = {
  "validation.required": "obligatoire et absent",
  "validation.tooLong": "trop long",
  "validation.choose": "valeur hors table",
  "validation.date": "date invalide",
  "validation.dateInFuture": "date dans le futur",
  "validation.ins": "INS mal formé (15 caractères attendus)",
  "validation.insKey": "clé de l'INS invalide",
  "validation.accession": "numéro d'accession invalide (16 caractères au plus, lettres, chiffres, . _ / -)",
  "validation.number": "nombre attendu",
  "validation.integer": "nombre entier attendu",
  "validation.range": "valeur hors limites",
};

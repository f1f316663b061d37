import { type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import { hl7Instant } from "./hl7-timestamp";
import { firstSegment, type Hl7Tree, valueOf } from "./hl7-tree";
import { readPlacerOrderNumber } from "./map-new-order";
import { displayOf, type Observation, observationsCoded, observationsOf, subIdPart } from "./read-observations";

// OMI^O23 (volet flow 4): the exam was performed. When (TQ1-7, else OBR-7), what was done (the
// act code, modality, region, product given, device: the volet's OBX) and the dose (the
// product's OBX DOSE_IRRADIATION, or the DICOM codes of a CT's DLP and CTDIvol), as text the
// radiologist reads before writing the report.

export const POST_EXAM_OBSERVATIONS = {
  ACT: "CODE_ACTE_IMAGERIE",
  MODALITY: "MODALITE_IMAGERIE",
  REGION: "REGION_ANATOMIQUE",
  PRODUCT: "PRODUIT_ADMINISTRE",
  DEVICE: "APPAREIL_IMAGERIE",
  DOSE: "DOSE_IRRADIATION",
  /** DICOM CID 10011: DLP total (mGy.cm) and mean CTDIvol (mGy). */
  DLP: "113813",
  CTDIVOL: "113830",
} as const;

export interface PostExam {
  placerOrderNumber: string;
  examPerformedAt: Date;
  performedTechnique: string | null;
  doseReport: string | null;
}

export function mapPostExam(tree: Hl7Tree): { postExam: PostExam | null; problems: Hl7Problem[] } {
  if (!firstSegment(tree, "ORC")) return { postExam: null, problems: [problem(E.SEGMENT_SEQUENCE, "segment ORC absent", { segment: "ORC" })] };
  const placer = readPlacerOrderNumber(tree);
  if (placer.problems.length > 0) return { postExam: null, problems: placer.problems };
  const tq1Time = valueOf(firstSegment(tree, "TQ1"), 7, 1);
  const obrTime = valueOf(firstSegment(tree, "OBR"), 7, 1);
  const source = tq1Time ? { segment: "TQ1", field: 7, text: tq1Time } : { segment: "OBR", field: 7, text: obrTime };
  if (!source.text) return { postExam: null, problems: [problem(E.REQUIRED_FIELD_MISSING, "date de l'examen (TQ1-7) absente", { segment: "TQ1", field: 7 })] };
  const examPerformedAt = hl7Instant(source.text);
  if (!examPerformedAt) return { postExam: null, problems: [problem(E.DATA_TYPE_ERROR, `date de l'examen « ${source.text} » invalide (AAAAMMJJHHMM[SS])`, { segment: source.segment, field: source.field })] };

  const observations = observationsOf(tree);
  const byPart = (code: string) => observationsCoded(observations, code).sort((a, b) => subIdPart(a) - subIdPart(b));
  const line = (label: string | null, items: Observation[], withUnits = false) => {
    const text = items.map((item) => (withUnits && item.units ? `${displayOf(item)} ${item.units}` : displayOf(item))).filter(Boolean).join(", ");
    return text && label ? `${label} : ${text}` : text || null;
  };
  const [act] = byPart(POST_EXAM_OBSERVATIONS.ACT);
  const technique = [
    act ? `Acte : ${[act.valueText, act.value && act.valueText ? `(${act.value})` : act.value].filter(Boolean).join(" ")}` : null,
    line("Modalité", byPart(POST_EXAM_OBSERVATIONS.MODALITY)),
    line("Région", byPart(POST_EXAM_OBSERVATIONS.REGION)),
    line("Produit administré", byPart(POST_EXAM_OBSERVATIONS.PRODUCT), true),
    line("Appareil", byPart(POST_EXAM_OBSERVATIONS.DEVICE)),
  ].filter(Boolean);
  const dose = [
    // Shown under "Dose" already: the value as sent, with its units.
    line(null, byPart(POST_EXAM_OBSERVATIONS.DOSE), true),
    line("PDL", byPart(POST_EXAM_OBSERVATIONS.DLP), true),
    line("IDSV (CTDIvol)", byPart(POST_EXAM_OBSERVATIONS.CTDIVOL), true),
  ].filter(Boolean);
  return {
    problems: [],
    postExam: {
      placerOrderNumber: placer.placerOrderNumber,
      examPerformedAt,
      performedTechnique: technique.join("\n").slice(0, 2000) || null,
      doseReport: dose.join("\n").slice(0, 1000) || null,
    },
  };
}

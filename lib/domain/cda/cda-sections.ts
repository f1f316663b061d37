import type { SectionKind } from "./cda-codes";
import { DCM, MODALITY_NAMES, SECTIONS, TECHNIQUE_ENTRY_TEMPLATE_IDS } from "./cda-codes";
import type { CdaInput, CdaVersionText } from "./cda-input";
import { narrativeList, narrativeParagraphs, narrativeText } from "./cda-narrative";
import { cdaTimestamp } from "./hl7-ts";
import { xmlAttr, xmlText } from "./xml-escape";

// The body: the sections the IMG-CR-IMG template names, each with its templateIds, LOINC code,
// title and narrative. Narrative only (CDA level 2): the product keeps no coded findings.

function section(kind: SectionKind, content: string, subsections: string[] = [], entries: string[] = []): string {
  return [
    `<component><section>`,
    ...kind.templateIds.map((root) => `<templateId root="${root}"/>`),
    `<code code="${kind.code}" codeSystem="${kind.codeSystem}" codeSystemName="${kind.codeSystemName}" displayName="${xmlAttr(kind.displayName)}"/>`,
    `<title>${xmlText(kind.title)}</title>`,
    narrativeText(content),
    ...entries,
    ...subsections,
    `</section></component>`,
  ].join("\n");
}

function labelled(label: string, value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? `${label} : ${text}` : null;
}

function present(lines: (string | null)[]): string[] {
  return lines.filter((line): line is string => line !== null);
}

function clinicalInformation(input: CdaInput): string {
  const { clinical, order } = input;
  const request = narrativeList(present([
    labelled("Question posée", clinical.clinicalQuestion),
    labelled("Question à l'expert", clinical.expertQuestion),
    labelled("Technique demandée", clinical.requestedTechnique),
  ]));
  const history = narrativeList(present([labelled("Contexte clinique", clinical.clinicalContext), labelled("Résultats antérieurs", clinical.priorResults)]));
  const requester = narrativeList(present([labelled("Demandeur", order.requesterName)]));
  return section(SECTIONS.clinicalInformation, requester, [section(SECTIONS.request, request), section(SECTIONS.medicalHistory, history)]);
}

function procedure(input: CdaInput, statement: string | null): string {
  const { exam, technique } = input;
  const lines = present([
    labelled("Examen", exam.examTitle),
    labelled("Modalité", `${MODALITY_NAMES[exam.modality]} (${exam.modality})`),
    labelled("Région anatomique", exam.bodyRegion),
    exam.performedAt ? labelled("Date de l'examen", formatParis(exam.performedAt)) : null,
    labelled("Technique réalisée", technique.performedTechnique),
    ...technique.regulatory,
    statement,
  ]);
  const exposure = [...technique.dose, ...present([labelled("Relevé de dose", technique.doseReport)])];
  const subsections = exposure.length > 0 ? [section(SECTIONS.radiationExposure, narrativeList(exposure))] : [];
  return section(SECTIONS.procedure, narrativeList(lines), subsections, [techniqueEntry(input)]);
}

/**
 * FR-DICOM-Technique-imagerie: the act as a coded entry, which the CI-SIS asks of the procedure
 * section. The product has no LOINC or CCAM act code, so the code is the exam's wording
 * (nullFlavor OTH); the acquisition modality is the methodCode the template requires.
 */
function techniqueEntry(input: CdaInput): string {
  const { exam } = input;
  return [
    `<entry><procedure classCode="PROC" moodCode="EVN">`,
    `<templateId root="${TECHNIQUE_ENTRY_TEMPLATE_IDS[0]}"/><templateId root="${TECHNIQUE_ENTRY_TEMPLATE_IDS[1]}"/>`,
    `<code nullFlavor="OTH"><originalText>${xmlText(exam.examTitle)}</originalText></code>`,
    exam.performedAt ? `<effectiveTime value="${cdaTimestamp(exam.performedAt)}"/>` : "",
    `<methodCode code="${exam.modality}" displayName="${xmlAttr(MODALITY_NAMES[exam.modality])}" codeSystem="${DCM}" codeSystemName="DCM"/>`,
    `</procedure></entry>`,
  ].join("");
}

function formatParis(instant: Date): string {
  const ts = cdaTimestamp(instant);
  return `${ts.slice(6, 8)}/${ts.slice(4, 6)}/${ts.slice(0, 4)} ${ts.slice(8, 10)}:${ts.slice(10, 12)}`;
}

function addendum(versions: CdaVersionText[]): string {
  const content = versions
    .map((version) => {
      const heading = `<paragraph><content styleCode="Bold">${xmlText(`Addendum n° ${version.sequence} — signé par ${version.signerName} le ${formatParis(version.signedAt)}`)}</content></paragraph>`;
      const conclusion = version.conclusion ? `<paragraph>${xmlText(`Conclusion : ${version.conclusion}`)}</paragraph>` : "";
      return heading + narrativeParagraphs(version.body) + conclusion;
    })
    .join("");
  return section(SECTIONS.addendum, content);
}

/**
 * The structured body. An addendum's document replaces the earlier one in the DMP, so it is
 * whole: the original report's sections, then every addendum up to this version.
 */
export function cdaStructuredBody(input: CdaInput): string {
  const [original, ...addenda] = input.versions;
  if (!original) throw new Error("A CDA needs at least the signed original version");
  const last = input.versions[input.versions.length - 1] ?? original;
  const components = [
    clinicalInformation(input),
    procedure(input, last.statement ?? original.statement),
    section(SECTIONS.findings, narrativeParagraphs(original.body)),
    section(SECTIONS.conclusion, narrativeParagraphs(original.conclusion)),
    ...(addenda.length > 0 ? [addendum(addenda)] : []),
  ];
  return `<component><structuredBody>\n${components.join("\n")}\n</structuredBody></component>`;
}

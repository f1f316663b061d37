import "server-only";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { reportDocumentText, versionHeadings } from "@/lib/domain/reports/report-document";
import { instantToWallClock } from "@/lib/domain/rota/wall-clock";
import { fr } from "@/lib/i18n/messages/fr";
import { A4, GREY, lineHeight, MARGIN, PageFlow, type TextStyle } from "./pdf-page-flow";
import type { ReportPdfInput, ReportPdfVersion } from "./report-pdf-input";

// The signed report as a PDF: letterhead, patient, request, then each signed version (the
// original, then its addenda) with its signature block and fingerprint. A legal document is in
// French whatever the reader's interface language.
//
// Deterministic by construction: the standard fonts (nothing embedded, no random subset tag),
// fixed producer and creator, dates taken from the last signature rather than the clock, and
// no document id. Downloading the same report twice gives the same bytes, so a copy kept by
// the requester can be compared with the archive's byte for byte.

const PRODUCT = "Téléradiologie territoriale";

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  mono: PDFFont;
}

export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const last = input.versions.at(-1);
  if (!last) throw new Error("renderReportPdf: no signed version to print");

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const patientLine = `${patientName(input)} · né(e) le ${calendarDate(input.patient.birthDate)} · ${input.request.accessionNumber}`;

  const flow = new PageFlow(doc, (page, top) => {
    const text = `${input.letterhead.siteName} · ${input.documentTitle} · ${patientLine}`;
    page.drawText(flow.safe(text, fonts.regular), { x: MARGIN.left, y: top - 8, size: 8, font: fonts.regular, color: GREY });
    page.drawLine({ start: { x: MARGIN.left, y: top - 13 }, end: { x: A4[0] - MARGIN.right, y: top - 13 }, thickness: 0.5, color: GREY });
    return 24;
  });

  letterhead(flow, input, fonts);
  patientBlock(flow, input, fonts);
  requestBlock(flow, input, fonts);
  for (const version of input.versions) versionBlock(flow, input, version, fonts);
  footers(flow, patientLine, fonts.regular);

  doc.setTitle(`${input.documentTitle} ${input.request.accessionNumber}`);
  doc.setSubject(patientLine);
  doc.setAuthor(last.signerName);
  doc.setCreator(PRODUCT);
  doc.setProducer(PRODUCT);
  doc.setLanguage("fr-FR");
  doc.setCreationDate(last.signedAt);
  doc.setModificationDate(last.signedAt);
  return doc.save({ useObjectStreams: false });
}

function letterhead(flow: PageFlow, input: ReportPdfInput, fonts: Fonts): void {
  flow.line(input.letterhead.siteName, { font: fonts.bold, size: 15 });
  flow.line(`${PRODUCT} · site ${input.letterhead.siteCode}`, { font: fonts.regular, size: 10, color: GREY });
  flow.rule();
  flow.space(6);
}

function patientBlock(flow: PageFlow, input: ReportPdfInput, fonts: Fonts): void {
  const { patient } = input;
  const [label, value] = styles(fonts);
  heading(flow, "Patient", fonts);
  flow.labelled("Nom", patientName(input), label, { ...value, font: fonts.bold });
  flow.labelled("Né(e) le", `${calendarDate(patient.birthDate)}    Sexe : ${fr.sex[patient.sex]}`, label, value);
  flow.labelled("IPP du site", patient.sitePatientId, label, value);
  flow.labelled("INS", patient.ins ?? "non renseigné", label, value);
  flow.space(8);
}

function requestBlock(flow: PageFlow, input: ReportPdfInput, fonts: Fonts): void {
  const { request } = input;
  const [label, value] = styles(fonts);
  heading(flow, "Demande", fonts);
  flow.labelled("Type", fr.requestType[request.type], label, value);
  flow.labelled("N° d'examen", request.accessionNumber, label, value);
  flow.labelled("Examen", `${fr.modality[request.modality]} · ${request.bodyRegion}`, label, value);
  flow.labelled("Demandeur", `${request.requesterName}, le ${parisDateTime(request.submittedAt)}`, label, value);
  flow.labelled("Question clinique", request.clinicalQuestion, label, value);
  if (request.expertQuestion) flow.labelled("Question à l'expert", request.expertQuestion, label, value);
  flow.space(4);
  flow.rule();
  flow.space(6);
}

function versionBlock(flow: PageFlow, input: ReportPdfInput, version: ReportPdfVersion, fonts: Fonts): void {
  const body: TextStyle = { font: fonts.regular, size: 10 };
  const headings = versionHeadings({ documentTitle: input.documentTitle, examTitle: version.examTitle, kind: version.kind, sequence: version.sequence });
  // The conclusion printed once, under its heading; the statement after it, before the signature.
  const text = reportDocumentText(version.narrative, version.conclusion);
  // A title alone at the bottom of a page reads as a lost heading: keep it with two lines.
  flow.ensure(lineHeight(14) + lineHeight(11) + 2 * lineHeight(10));
  flow.line(headings.title, { font: fonts.bold, size: 14 });
  if (headings.subtitle) flow.paragraphs(headings.subtitle, { font: fonts.bold, size: 11 });
  flow.space(6);
  if (text.body) flow.paragraphs(text.body, body);
  flow.space(8);
  flow.ensure(lineHeight(11) + lineHeight(10));
  heading(flow, "Conclusion", fonts);
  flow.paragraphs(text.conclusion, { font: fonts.bold, size: 10 });
  if (text.statement) {
    flow.space(8);
    flow.paragraphs(text.statement, { font: fonts.italic, size: 9 });
  }
  flow.space(10);
  signature(flow, version, fonts);
  flow.space(14);
}

/** Kept on one page; the fingerprint drawn in one piece, so it can be copied and compared. */
function signature(flow: PageFlow, version: ReportPdfVersion, fonts: Fonts): void {
  flow.ensure(lineHeight(9) * 3 + 10);
  flow.rule();
  const time = parisDateTime(version.signedAt);
  flow.paragraphs(`Signé électroniquement par ${withTitle(version.signerName)} le ${time} (heure de Paris)`, { font: fonts.italic, size: 9 });
  flow.segments([
    { text: "Empreinte SHA-256 : ", style: { font: fonts.regular, size: 9, color: GREY } },
    { text: version.fingerprint, style: { font: fonts.mono, size: 9 } },
  ]);
}

function footers(flow: PageFlow, patientLine: string, font: PDFFont): void {
  const total = flow.pages.length;
  flow.pages.forEach((page: PDFPage, index) => {
    const y = MARGIN.bottom - 30;
    page.drawLine({ start: { x: MARGIN.left, y: y + 12 }, end: { x: A4[0] - MARGIN.right, y: y + 12 }, thickness: 0.5, color: GREY });
    page.drawText(flow.safe(patientLine, font), { x: MARGIN.left, y, size: 8, font, color: GREY });
    const number = `Page ${index + 1} / ${total}`;
    page.drawText(number, { x: A4[0] - MARGIN.right - font.widthOfTextAtSize(number, 8), y, size: 8, font, color: GREY });
  });
}

function heading(flow: PageFlow, text: string, fonts: Fonts): void {
  flow.line(text, { font: fonts.bold, size: 11 });
  flow.space(2);
}

function styles(fonts: Fonts): [TextStyle, TextStyle] {
  return [
    { font: fonts.regular, size: 10, color: GREY },
    { font: fonts.regular, size: 10 },
  ];
}

function patientName(input: ReportPdfInput): string {
  return `${input.patient.familyName.toLocaleUpperCase("fr-FR")} ${input.patient.givenName}`;
}

/** A DATE column arrives as UTC midnight: read it in UTC, not in Paris. */
function calendarDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "dd/mm/yyyy à HH:MM", in Paris time whatever the server's zone. */
export function parisDateTime(instant: Date): string {
  const clock = instantToWallClock(instant);
  return `${clock.date.slice(8, 10)}/${clock.date.slice(5, 7)}/${clock.date.slice(0, 4)} à ${clock.time}`;
}

/** Display names usually carry the title already ("Dr Claire Martin"); add it when they do not. */
function withTitle(name: string): string {
  return /^(dr|pr)\.?\s/i.test(name.trim()) ? name.trim() : `Dr ${name.trim()}`;
}

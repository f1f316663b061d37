import "server-only";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { ActivityReport, CountOf, DecisionRow, TurnaroundTable } from "@/lib/domain/activity-report/activity-report-model";
import { nextMonth } from "@/lib/domain/activity-report/activity-report-schema";
import { formatCount, formatDuration, formatPartOf, formatShare } from "@/lib/domain/activity-report/format-figures";
import type { Segment } from "@/lib/domain/dashboard/segments";
import { startOfLocalDay } from "@/lib/domain/rota/wall-clock";
import { fr } from "@/lib/i18n/messages/fr";
import { A4, GREY, lineHeight, MARGIN, PageFlow, TEXT_WIDTH, type TextStyle } from "./pdf-page-flow";

// The monthly activity report of a site or an inter-hospital agreement, as the hospitals file
// it as a quality indicator: volumes, turnaround figures and share within target, refusals and
// cancellations with their reasons. In French whatever the reader's interface language, like
// the signed report (render-report-pdf.ts), and on the same layout helpers.
//
// Deterministic: standard fonts (nothing embedded), fixed producer and creator, month names
// from a table rather than the runtime's ICU, and document dates derived from the month (the
// first instant of the next month in Paris, when the month's figures close). The same figures
// always give the same bytes, so two copies filed by two hospitals can be compared.

const PRODUCT = "Téléradiologie territoriale";
const TITLE = "Rapport mensuel d'activité de téléradiologie";
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

const SEGMENT_LABELS: Record<Segment, string> = {
  SUBMITTED_TO_DECIDED: "Soumission → décision d'indication",
  COMPLETE_TO_CLAIMED: "Images complètes → prise en charge",
  CLAIMED_TO_SIGNED: "Prise en charge → signature",
  COMPLETE_TO_SIGNED: "Images complètes → signature",
  SUBMITTED_TO_SIGNED: "Soumission → signature",
  SIGNED_TO_ACKNOWLEDGED: "Signature → lecture du compte rendu",
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface Column {
  width: number;
  align: "left" | "right";
}

const TABLE_SIZE = 8.5;
const TURNAROUND_COLUMNS: Column[] = [
  { width: 178, align: "left" },
  { width: 38, align: "right" },
  { width: 46, align: "right" },
  { width: 52, align: "right" },
  { width: 52, align: "right" },
  { width: 62, align: "right" },
  { width: TEXT_WIDTH - 428, align: "right" },
];
const COUNT_COLUMNS: Column[] = [
  { width: 190, align: "left" },
  { width: 60, align: "right" },
  { width: 70, align: "right" },
];
const DECISION_COLUMNS: Column[] = [
  { width: 78, align: "left" },
  { width: 64, align: "left" },
  { width: 74, align: "left" },
  { width: 74, align: "left" },
  { width: 72, align: "left" },
  { width: TEXT_WIDTH - 362, align: "left" },
];

/** "novembre 2026" */
export function frenchMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export async function renderActivityPdf(report: ActivityReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const running = `${TITLE} · ${scopeTitle(report)} · ${frenchMonth(report.month)}`;
  const flow = new PageFlow(doc, (page, top) => {
    page.drawText(flow.safe(running, fonts.regular), { x: MARGIN.left, y: top - 8, size: 8, font: fonts.regular, color: GREY });
    page.drawLine({ start: { x: MARGIN.left, y: top - 13 }, end: { x: A4[0] - MARGIN.right, y: top - 13 }, thickness: 0.5, color: GREY });
    return 24;
  });

  letterhead(flow, report, fonts);
  basis(flow, report, fonts);
  volumes(flow, report, fonts);
  turnaround(flow, report, fonts);
  decisions(flow, `Refus d'indication (${formatCount(report.refusals.length)})`, report.refusals, "Aucune indication refusée dans le mois.", fonts);
  decisions(flow, `Annulations (${formatCount(report.cancellations.length)})`, report.cancellations, "Aucune demande annulée dans le mois.", fonts);
  footers(flow, running, fonts.regular);

  const closedAt = startOfLocalDay(`${nextMonth(report.month)}-01`);
  doc.setTitle(`${TITLE} · ${scopeTitle(report)} · ${frenchMonth(report.month)}`);
  doc.setSubject(`Activité de téléradiologie du ${report.period.from} au ${report.period.to}`);
  doc.setAuthor(PRODUCT);
  doc.setCreator(PRODUCT);
  doc.setProducer(PRODUCT);
  doc.setLanguage("fr-FR");
  doc.setCreationDate(closedAt);
  doc.setModificationDate(closedAt);
  return doc.save({ useObjectStreams: false });
}

function scopeTitle(report: ActivityReport): string {
  const { scope } = report;
  return scope.kind === "site" ? `${scope.code} — ${scope.name}` : `Convention ${scope.name}`;
}

function letterhead(flow: PageFlow, report: ActivityReport, fonts: Fonts): void {
  const [label, value] = styles(fonts);
  flow.line(TITLE, { font: fonts.bold, size: 15 });
  flow.line(PRODUCT, { font: fonts.regular, size: 10, color: GREY });
  flow.rule();
  flow.space(4);
  const { scope } = report;
  if (scope.kind === "site") {
    flow.labelled("Site", `${scope.code} — ${scope.name}`, label, { ...value, font: fonts.bold });
  } else {
    flow.labelled("Convention inter-hospitalière", scope.name, label, { ...value, font: fonts.bold });
    flow.labelled("Sites", scope.sites.map((site) => `${site.code} — ${site.name}`).join(" ; "), label, value);
  }
  flow.labelled("Mois", frenchMonth(report.month), label, { ...value, font: fonts.bold });
  flow.space(6);
}

function basis(flow: PageFlow, report: ActivityReport, fonts: Fonts): void {
  const style: TextStyle = { font: fonts.italic, size: 8.5, color: GREY };
  const [from, to] = [frenchDate(report.period.from), frenchDate(report.period.to)];
  flow.paragraphs(
    [
      `Chiffres établis à partir des chronologies des demandes (événements horodatés), sans saisie complémentaire. Période : demandes soumises du ${from} au ${to} inclus (jours calendaires, heure de Paris).`,
      "Délais : médiane et 90e centile au rang le plus proche. Part dans la cible : demandes terminées dans la cible de leur priorité, rapportées aux demandes jugées (terminées, et en cours ayant déjà dépassé la cible).",
      "Les listes de refus et d'annulations portent sur les décisions prises dans le mois, quel que soit le jour de la demande.",
      ...(report.provisional ? ["Mois en cours : chiffres provisoires."] : []),
    ].join("\n"),
    style,
  );
  flow.space(10);
}

function volumes(flow: PageFlow, report: ActivityReport, fonts: Fonts): void {
  const { volumes: v } = report;
  const [label, value] = styles(fonts);
  heading(flow, "Volumes", fonts);
  flow.labelled("Demandes soumises", formatCount(v.submitted), label, { ...value, font: fonts.bold });
  flow.labelled("Comptes rendus signés", formatCount(v.signed), label, value);
  flow.labelled("Indications refusées", formatCount(v.refused), label, value);
  flow.labelled("Demandes annulées", formatCount(v.cancelled), label, value);
  flow.labelled("Demandes non terminées", formatCount(v.open), label, value);
  flow.space(6);
  countTable(flow, "Par type", v.byType, (key) => fr.requestType[key], v.submitted, fonts);
  countTable(flow, "Par priorité", v.byPriority, (key) => fr.priority[key], v.submitted, fonts);
  countTable(flow, "Par modalité", v.byModality, (key) => fr.modality[key], v.submitted, fonts);
  flow.space(4);
}

function countTable<K extends string>(flow: PageFlow, title: string, counts: CountOf<K>[], labelOf: (key: K) => string, whole: number, fonts: Fonts): void {
  const body: TextStyle = { font: fonts.regular, size: TABLE_SIZE };
  flow.ensure(lineHeight(TABLE_SIZE) * Math.min(counts.length + 1, 4));
  row(flow, [title, "Demandes", "Part"], COUNT_COLUMNS, { font: fonts.bold, size: TABLE_SIZE, color: GREY });
  if (counts.length === 0) flow.line("Aucune demande.", { ...body, indent: 8 });
  for (const { key, count } of counts) row(flow, [labelOf(key), formatCount(count), formatPartOf(count, whole)], COUNT_COLUMNS, body, 8);
  flow.space(5);
}

function turnaround(flow: PageFlow, report: ActivityReport, fonts: Fonts): void {
  flow.ensure(lineHeight(12) + lineHeight(8.5) * 2 + lineHeight(TABLE_SIZE) * 8);
  heading(flow, "Délais de prise en charge", fonts);
  flow.paragraphs(
    "Nb : demandes passées par l'étape. En cours : entrées dans l'étape, pas encore sorties (hors médiane et centile). Cible : délai visé pour la priorité.",
    { font: fonts.italic, size: 8.5, color: GREY },
  );
  flow.space(4);
  for (const table of report.turnaround) turnaroundTable(flow, table, fonts);
}

function turnaroundTable(flow: PageFlow, table: TurnaroundTable, fonts: Fonts): void {
  const body: TextStyle = { font: fonts.regular, size: TABLE_SIZE };
  const title = table.priority === null ? "Toutes priorités" : fr.priority[table.priority];
  // A table is read as a whole: never split across two pages.
  flow.ensure(lineHeight(10) + lineHeight(TABLE_SIZE) * (table.rows.length + 1) + 8);
  flow.line(`${title} — ${formatCount(table.submitted)} demande${table.submitted > 1 ? "s" : ""}`, { font: fonts.bold, size: 10 });
  row(flow, ["Étape", "Nb", "En cours", "Médiane", "90e cent.", "Dans la cible", "Cible"], TURNAROUND_COLUMNS, { font: fonts.bold, size: TABLE_SIZE, color: GREY });
  for (const line of table.rows) {
    const target = table.priority === null ? "selon priorité" : formatDuration(line.targetS);
    row(
      flow,
      [SEGMENT_LABELS[line.segment], formatCount(line.count), formatCount(line.open), formatDuration(line.median), formatDuration(line.p90), formatShare(line.share), target],
      TURNAROUND_COLUMNS,
      body,
    );
  }
  flow.space(8);
}

function decisions(flow: PageFlow, title: string, rows: DecisionRow[], empty: string, fonts: Fonts): void {
  const body: TextStyle = { font: fonts.regular, size: TABLE_SIZE };
  flow.space(4);
  flow.ensure(lineHeight(12) + lineHeight(TABLE_SIZE) * 3);
  heading(flow, title, fonts);
  if (rows.length === 0) {
    flow.line(empty, { font: fonts.italic, size: 9, color: GREY });
    flow.space(8);
    return;
  }
  row(flow, ["Date", "N° d'examen", "Site", "Type", "Priorité", "Modalité"], DECISION_COLUMNS, { font: fonts.bold, size: TABLE_SIZE, color: GREY });
  for (const decision of rows) {
    // The request and the first line of its reason stay together.
    flow.ensure(lineHeight(TABLE_SIZE) * 2);
    row(
      flow,
      [decision.date, decision.accessionNumber, decision.siteCode, fr.requestType[decision.type], fr.priority[decision.priority], fr.modality[decision.modality]],
      DECISION_COLUMNS,
      body,
    );
    flow.paragraphs(`Motif : ${decision.reason}`, { font: fonts.italic, size: TABLE_SIZE, indent: 12 });
    flow.space(3);
  }
  flow.space(8);
}

/**
 * One table row on PageFlow's public API: its `segments` draws pieces one after the other, so
 * each cell is preceded by a run of spaces whose size is chosen to fill the gap to the cell's
 * column exactly (never larger than the text, so the line height is unchanged). A cell wider
 * than its column pushes the next ones rather than overlapping them.
 */
function row(flow: PageFlow, cells: string[], columns: Column[], style: TextStyle, indent = 0): void {
  const parts: { text: string; style: TextStyle }[] = [];
  const unit = style.font.widthOfTextAtSize(" ", 1);
  let x = 0;
  let start = 0;
  columns.forEach((column, index) => {
    const text = flow.safe(cells[index] ?? "", style.font);
    const width = style.font.widthOfTextAtSize(text, style.size);
    const left = start + (index === 0 ? indent : 0);
    const wanted = column.align === "left" ? left : start + column.width - width;
    const at = index === 0 ? Math.max(wanted, 0) : Math.max(wanted, x + 4);
    const gap = at - x;
    if (gap > 0.01) {
      const spaces = Math.max(1, Math.ceil(gap / (unit * style.size)));
      parts.push({ text: " ".repeat(spaces), style: { ...style, size: gap / (spaces * unit) } });
    }
    if (text) parts.push({ text, style });
    x = at + width;
    start += column.width;
  });
  if (parts.length > 0) flow.segments(parts);
}

function footers(flow: PageFlow, running: string, font: PDFFont): void {
  const total = flow.pages.length;
  flow.pages.forEach((page: PDFPage, index) => {
    const y = MARGIN.bottom - 30;
    const number = `Page ${index + 1} / ${total}`;
    const numberWidth = font.widthOfTextAtSize(number, 8);
    page.drawLine({ start: { x: MARGIN.left, y: y + 12 }, end: { x: A4[0] - MARGIN.right, y: y + 12 }, thickness: 0.5, color: GREY });
    page.drawText(fitted(flow.safe(running, font), font, 8, TEXT_WIDTH - numberWidth - 12), { x: MARGIN.left, y, size: 8, font, color: GREY });
    page.drawText(number, { x: A4[0] - MARGIN.right - numberWidth, y, size: 8, font, color: GREY });
  });
}

/** The text cut with an ellipsis to fit `width` (a long agreement name in the footer). */
function fitted(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text.length;
  while (cut > 0 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, size) > width) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

function heading(flow: PageFlow, text: string, fonts: Fonts): void {
  flow.line(text, { font: fonts.bold, size: 12 });
  flow.space(3);
}

function styles(fonts: Fonts): [TextStyle, TextStyle] {
  return [
    { font: fonts.regular, size: 10, color: GREY },
    { font: fonts.regular, size: 10 },
  ];
}

/** "1er novembre 2026", "30 novembre 2026". */
function frenchDate(date: string): string {
  const day = Number(date.slice(8, 10));
  return `${day === 1 ? "1er" : day} ${frenchMonth(date.slice(0, 7))}`;
}

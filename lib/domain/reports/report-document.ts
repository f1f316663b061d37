import { CONTRAST_FIELD_IDS } from "./regulatory-block";

// The signed report as a reader sees it (the request page and the PDF): one title, the body,
// the conclusion once, then the teleradiology statement. The stored narrative is signed and
// frozen, so this reads it rather than rebuilding it: narratives signed before the conclusion
// left the narrative (narrative.ts) end with a "CONCLUSION" block, dropped here when it is the
// stored conclusion, so that old and new reports print the same way.

const STATEMENT_START = "Acte réalisé par téléradiologie";
const LEGACY_CONCLUSION_HEADING = "CONCLUSION";

export interface ReportDocumentText {
  /** The sections, as signed, without the conclusion and the statement. */
  body: string;
  conclusion: string;
  /** "Acte réalisé par téléradiologie…", printed after the conclusion; null for old narratives without it. */
  statement: string | null;
}

export function reportDocumentText(narrative: string, conclusion: string): ReportDocumentText {
  const blocks = narrative.split(/\n{2,}/).map((block) => block.trim()).filter((block) => block !== "");
  const statements = blocks.filter((block) => block.startsWith(STATEMENT_START));
  const kept = blocks.filter((block) => !block.startsWith(STATEMENT_START) && !isLegacyConclusion(block, conclusion));
  return { body: kept.join("\n\n"), conclusion: conclusion.trim(), statement: statements.length > 0 ? statements.join("\n") : null };
}

function isLegacyConclusion(block: string, conclusion: string): boolean {
  const [heading, ...rest] = block.split("\n");
  return heading?.trim() === LEGACY_CONCLUSION_HEADING && rest.join("\n").trim() === conclusion.trim();
}

const INJECTION_WORDING = /\b(sans|avec)(\s+et\s+(sans|avec))?\s+injection(\s+de\s+produit\s+de\s+contraste)?\b/i;

/**
 * The exam's title as performed: a template named "… sans injection" used for an injected act
 * must not print "sans injection" on that act's report. The wording comes from the act, the
 * rest of the title from the template; a title that says nothing of injection is kept.
 */
export function performedExamTitle(templateTitle: string, injected: boolean | null): string {
  const title = templateTitle.trim();
  if (injected === null) return title;
  return title.replace(INJECTION_WORDING, injected ? "avec injection" : "sans injection");
}

/**
 * Whether the act was injected: the contrast agent recorded in the signed report says so
 * first (what was given); otherwise the protocol's decision (what was prescribed).
 */
export function wasInjected(values: unknown, protocolDecision: boolean | null): boolean | null {
  if (typeof values === "object" && values !== null && !Array.isArray(values)) {
    const product: unknown = (values as Record<string, unknown>)[CONTRAST_FIELD_IDS.product];
    if (typeof product === "string" && product.trim() !== "") return true;
  }
  return protocolDecision;
}

/**
 * The heading of a signed version and the line under it: the document's title once ("Compte
 * rendu", "Addendum n° 1"), then the exam, unless the exam's title merely repeats the
 * document's (a téléexpertise's "Avis de téléexpertise").
 */
export function versionHeadings(args: { documentTitle: string; examTitle: string; kind: "ORIGINAL" | "ADDENDUM"; sequence: number }): { title: string; subtitle: string | null } {
  const title = args.kind === "ADDENDUM" ? `Addendum n° ${args.sequence}` : args.documentTitle;
  const exam = args.examTitle.trim();
  const repeats = exam === "" || normalise(exam) === normalise(args.documentTitle) || normalise(exam) === normalise(title);
  return { title, subtitle: repeats ? null : exam };
}

function normalise(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").trim().toLowerCase();
}

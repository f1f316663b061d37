import type { ExclusionReason } from "./eligibility";
import type { AssignmentExplanation, SelectionRule } from "./selection";

// The readable sentence stored as the event's reason (the timeline shows it as written, in
// French, the product's language); the panel rebuilds its own text from the explanation's
// codes through the message catalogue, in the reader's language.

export type SentenceLocale = "fr" | "en";

const RULES: Record<SentenceLocale, Record<SelectionRule, string>> = {
  fr: {
    ONLY_ELIGIBLE: "seul radiologue éligible de garde",
    PRIMARY_BEFORE_BACKUP: "de garde en titre (les autres sont en renfort)",
    LOWEST_LOAD: "charge la plus faible",
    LEAST_RECENTLY_ASSIGNED: "charge égale, servi le moins récemment",
    TIE_BREAK: "égalité parfaite, départage fixe",
  },
  en: {
    ONLY_ELIGIBLE: "the only eligible radiologist on call",
    PRIMARY_BEFORE_BACKUP: "primary on call (the others are backups)",
    LOWEST_LOAD: "lowest load",
    LEAST_RECENTLY_ASSIGNED: "equal load, least recently assigned",
    TIE_BREAK: "exact tie, fixed tie-break",
  },
};

const EXCLUSIONS: Record<SentenceLocale, Record<ExclusionReason, string>> = {
  fr: {
    NO_PRIVILEGE: "non habilité pour le site",
    PRIVILEGE_EXPIRED: "habilitation expirée",
    OFF_SHIFT: "pas de garde",
    MISSING_SUBSPECIALTY: "sans la surspécialité requise",
    LEAVING_SHIFT: "fin de garde",
  },
  en: {
    NO_PRIVILEGE: "no privilege for the site",
    PRIVILEGE_EXPIRED: "privilege expired",
    OFF_SHIFT: "not on shift",
    MISSING_SUBSPECIALTY: "lacks the required subspecialty",
    LEAVING_SHIFT: "shift ending",
  },
};

function loadList(explanation: AssignmentExplanation, locale: SentenceLocale): string {
  const word = locale === "fr" ? "charge" : "load";
  return explanation.candidates
    .map((c) => (c.excludedBecause ? `${c.name} (${EXCLUSIONS[locale][c.excludedBecause]})` : `${c.name} (${word} ${c.load})`))
    .join(", ");
}

/** E.g. "Attribuée automatiquement à Dr A : charge la plus faible. Candidats : Dr A (charge 1), Dr B (charge 3)." */
export function explanationSentence(explanation: AssignmentExplanation, locale: SentenceLocale, leavingName?: string): string {
  const fr = locale === "fr";
  const colon = fr ? " : " : ": ";
  const candidates = explanation.candidates.length > 0 ? ` ${fr ? "Candidats" : "Candidates"}${colon}${loadList(explanation, locale)}.` : "";
  const handover = explanation.context === "SHIFT_HANDOVER";
  const lead = !handover ? "" : fr ? `Fin de garde${leavingName ? ` de ${leavingName}` : ""}${colon}` : `End of ${leavingName ? `${leavingName}'s ` : ""}shift${colon}`;
  if (explanation.chosenName === null || explanation.rule === null) {
    const none = fr
      ? `aucun radiologue éligible de garde, la demande ${handover ? "retourne" : "reste"} dans le pool.`
      : `no eligible radiologist on call, the request ${handover ? "returns to" : "stays in"} the pool.`;
    return `${lead}${lead ? none : capitalise(none)}${candidates}`;
  }
  const verb = handover ? (fr ? "transmise à" : "handed over to") : fr ? "Attribuée automatiquement à" : "Automatically assigned to";
  return `${lead}${verb} ${explanation.chosenName}${colon}${RULES[locale][explanation.rule]}.${candidates}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

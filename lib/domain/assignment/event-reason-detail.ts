import { escalationSentence } from "./escalation-ladder";
import { explanationSentence, type SentenceLocale } from "./explanation-sentence";
import { parseExplanation, type AssignmentExplanation } from "./selection";

// What the system itself wrote on a request's timeline, kept as codes and parameters
// (RequestEvent.reasonDetail) so each reader gets it in their own language. The French
// sentence is still stored in `reason`: exports, audits and events written before this
// detail existed read it as is.

export type EventReasonDetail =
  | { kind: "ASSIGNMENT"; explanation: AssignmentExplanation; leavingName?: string }
  | { kind: "ESCALATION"; level: number };

/** Reads a stored detail back; anything unrecognised is null (the stored sentence is shown). */
export function parseEventReasonDetail(value: unknown): EventReasonDetail | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.kind === "ESCALATION" && typeof record.level === "number") return { kind: "ESCALATION", level: record.level };
  if (record.kind === "ASSIGNMENT") {
    const explanation = parseExplanation(record.explanation);
    if (!explanation) return null;
    return typeof record.leavingName === "string" ? { kind: "ASSIGNMENT", explanation, leavingName: record.leavingName } : { kind: "ASSIGNMENT", explanation };
  }
  return null;
}

export function eventReasonSentence(detail: EventReasonDetail, locale: SentenceLocale): string {
  switch (detail.kind) {
    case "ASSIGNMENT":
      return explanationSentence(detail.explanation, locale, detail.leavingName);
    case "ESCALATION":
      return escalationSentence(detail.level, locale);
  }
}

// Whether a worklist item matches a query's conditions (PS3.4 C.2.2.2). Pure. A site's open
// worklist is tens of items, so matching runs on the loaded items rather than in SQL.

import { foldName } from "../queries/fold-person-name";
import { hasWildcard } from "../queries/match-value";
import { normalizeTime } from "../queries/qido-ranges";
import { textOf, type NaturalDataset, type WorklistCondition, type WorklistQuery } from "./worklist-query";

/**
 * `now` is the local date-time ("YYYYMMDDHHMMSS.000000", localDicomDateTime) up to which every
 * listed item is still waiting for its exam (below).
 */
export function matchesWorklistQuery(item: NaturalDataset, query: WorklistQuery, now: string): boolean {
  const step = ((item.ScheduledProcedureStepSequence as NaturalDataset[] | undefined) ?? [])[0] ?? {};
  return query.conditions.every((condition) => matchesCondition(condition.inStep ? step : item, condition, now));
}

function matchesCondition(source: NaturalDataset, condition: WorklistCondition, now: string): boolean {
  if (condition.kind === "datetime") return matchesStart(source, condition, now);
  const value = textOf(source[condition.keyword]) ?? "";
  switch (condition.kind) {
    case "text":
      return value !== "" && matchesPattern(value, condition.pattern, false);
    case "list":
      return value !== "" && condition.values.some((wanted) => matchesPattern(value, wanted, false));
    case "uid":
      return condition.values.includes(value);
    case "pn":
      return value !== "" && matchesPersonName(value, condition.pattern);
    case "date":
      return value !== "" && within(value, condition.range.from, condition.range.to);
  }
}

/**
 * A person name, case and accents aside (radiographers type "helene" for "Hélène", as the QIDO
 * fuzzy matching allows): against the whole alphabetic group, or, for a value without `^`, its
 * family name alone, since scanners send "DUPONT" or "DUP*" for the patient DUPONT^LOUISE.
 */
export function matchesPersonName(stored: string, pattern: string): boolean {
  const fold = (text: string) => foldName(text).toLowerCase().replace(/\^+$/, "").trim();
  const name = fold(stored);
  const wanted = fold(pattern);
  if (matchesPattern(name, wanted, false)) return true;
  return !wanted.includes("^") && matchesPattern(name.split("^")[0] ?? "", wanted, false);
}

/** Single value matching, with `*` (any run) and `?` (one character) anywhere (C.2.2.2.4). */
export function matchesPattern(value: string, pattern: string, caseInsensitive: boolean): boolean {
  if (!hasWildcard(pattern)) return caseInsensitive ? value.toLowerCase() === pattern.toLowerCase() : value === pattern;
  let source = "";
  for (const char of pattern) {
    if (char === "*") source += ".*";
    else if (char === "?") source += ".";
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, caseInsensitive ? "isu" : "su").test(value);
}

/**
 * The step's start as one date-time (C.2.2.2.5.1); a bound left open stays open. A listed item
 * is a patient still waiting for the exam, so it stays scheduled from the protocol until now: a
 * protocol sent at 23:50 is still in the scanner's "today" list at 00:10, where a strict match
 * on its start date would hide it. The start date returned stays the protocol's.
 */
function matchesStart(step: NaturalDataset, condition: Extract<WorklistCondition, { kind: "datetime" }>, now: string): boolean {
  const date = textOf(step.ScheduledProcedureStepStartDate) ?? "";
  const time = normalizeTime(textOf(step.ScheduledProcedureStepStartTime) ?? "", "start");
  if (time === null || (condition.date && date === "")) return false;
  if (!condition.date) return condition.time !== null && within(time, condition.time.from, condition.time.to);
  const from = condition.date.from === null ? null : condition.date.from + (condition.time?.from ?? "000000.000000");
  const to = condition.date.to === null ? null : condition.date.to + (condition.time?.to ?? "235959.999999");
  const start = date + time;
  // The waiting interval [start, now] meets the asked range.
  return (to === null || start <= to) && (from === null || (now >= start ? now : start) >= from);
}

function within(value: string, from: string | null, to: string | null): boolean {
  return (from === null || value >= from) && (to === null || value <= to);
}

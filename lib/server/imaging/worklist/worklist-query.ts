// A Modality Worklist C-FIND identifier (PS3.4 K.6.1.2) read into matching conditions. Pure. The
// identifier comes as dcmjs-dimse hands it: a naturalized dataset (keywords, strings or arrays of
// strings, PN as [{ Alphabetic }], sequences as arrays of items). Matching follows the QIDO-RS
// matching of the archive (PS3.4 C.2.2.2, docs/conformance.md) with the same helpers.

import { dateRange, normalizeTime, type Range, timeRange } from "../queries/qido-ranges";
import { isUniversal, listValues } from "../queries/match-value";

export type NaturalDataset = Record<string, unknown>;

type KeyKind = "text" | "list" | "uid" | "pn" | "date";

/** The matching keys supported, at the top level or inside the Scheduled Procedure Step item. */
const MATCHING_KEYS: readonly { keyword: string; inStep: boolean; kind: KeyKind }[] = [
  { keyword: "PatientName", inStep: false, kind: "pn" },
  { keyword: "PatientID", inStep: false, kind: "text" },
  { keyword: "IssuerOfPatientID", inStep: false, kind: "text" },
  { keyword: "PatientBirthDate", inStep: false, kind: "date" },
  { keyword: "PatientSex", inStep: false, kind: "list" },
  { keyword: "AccessionNumber", inStep: false, kind: "text" },
  { keyword: "RequestedProcedureID", inStep: false, kind: "text" },
  { keyword: "StudyInstanceUID", inStep: false, kind: "uid" },
  { keyword: "ReferringPhysicianName", inStep: false, kind: "pn" },
  { keyword: "ScheduledStationAETitle", inStep: true, kind: "list" },
  { keyword: "Modality", inStep: true, kind: "list" },
  { keyword: "ScheduledPerformingPhysicianName", inStep: true, kind: "pn" },
  { keyword: "ScheduledProcedureStepID", inStep: true, kind: "text" },
  // ScheduledProcedureStepStartDate and Time: one combined condition, below.
];

export type WorklistCondition =
  | { keyword: string; inStep: boolean; kind: "text"; pattern: string }
  | { keyword: string; inStep: boolean; kind: "list" | "uid"; values: string[] }
  | { keyword: string; inStep: boolean; kind: "pn"; pattern: string }
  | { keyword: string; inStep: boolean; kind: "date"; range: Range }
  /** The step's start date and time (C.2.2.2.5.1: a pair of range keys is one date-time range). */
  | { keyword: "ScheduledProcedureStepStart"; inStep: true; kind: "datetime"; date: Range | null; time: Range | null };

export interface WorklistQuery {
  conditions: WorklistCondition[];
  /** The non-universal matching values as sent, for the audit row. */
  keys: Record<string, string>;
}

export type ParsedWorklistQuery = { ok: true; query: WorklistQuery } | { ok: false; reason: string };

const SPS = "ScheduledProcedureStepSequence";

export function parseWorklistQuery(identifier: NaturalDataset): ParsedWorklistQuery {
  const stepSequence = identifier[SPS];
  if (stepSequence !== undefined && stepSequence !== null && stepSequence !== "" && !Array.isArray(stepSequence)) return { ok: false, reason: `${SPS} is not a sequence` };
  const steps = (stepSequence ?? []) as unknown[];
  // A sequence matching key holds a single item (PS3.4 C.2.2.2.6).
  if (steps.length > 1) return { ok: false, reason: `${SPS} must hold one item, not ${steps.length}` };
  const step = (steps[0] ?? {}) as NaturalDataset;
  if (typeof step !== "object" || Array.isArray(step)) return { ok: false, reason: `${SPS} item is not a dataset` };

  const conditions: WorklistCondition[] = [];
  const keys: Record<string, string> = {};
  for (const { keyword, inStep, kind } of MATCHING_KEYS) {
    const read = textOf((inStep ? step : identifier)[keyword]);
    if (read === null) return { ok: false, reason: `${keyword} is not a text value` };
    if (isUniversal(read)) continue;
    keys[keyword] = read;
    if (kind === "date") {
      const range = dateRange(read);
      if (!range) return { ok: false, reason: `${keyword} "${read}" is not a date or date range` };
      conditions.push({ keyword, inStep, kind, range });
    } else if (kind === "list" || kind === "uid") {
      const values = listValues(read);
      if (kind === "uid" && values.some((value) => !/^[0-9.]{1,64}$/.test(value))) return { ok: false, reason: `${keyword} "${read}" is not a UID list` };
      conditions.push({ keyword, inStep, kind, values });
    } else {
      conditions.push({ keyword, inStep, kind, pattern: read });
    }
  }

  const dateText = textOf(step.ScheduledProcedureStepStartDate);
  const timeText = textOf(step.ScheduledProcedureStepStartTime);
  if (dateText === null || timeText === null) return { ok: false, reason: "ScheduledProcedureStepStartDate/Time is not a text value" };
  const date = isUniversal(dateText) ? null : dateRange(dateText);
  // With a date, the times are the bounds of one date-time range: "2200-0900" over two days is a night.
  const time = isUniversal(timeText) ? null : date ? timeBounds(timeText) : timeRange(timeText);
  if (!isUniversal(dateText) && !date) return { ok: false, reason: `ScheduledProcedureStepStartDate "${dateText}" is not a date or date range` };
  if (!isUniversal(timeText) && !time) return { ok: false, reason: `ScheduledProcedureStepStartTime "${timeText}" is not a time or time range` };
  if (date) keys.ScheduledProcedureStepStartDate = dateText;
  if (time) keys.ScheduledProcedureStepStartTime = timeText;
  if (date || time) conditions.push({ keyword: "ScheduledProcedureStepStart", inStep: true, kind: "datetime", date, time });
  return { ok: true, query: { conditions, keys } };
}

/** Each side of a TM range normalized on its own: their order is the dates' business. */
function timeBounds(value: string): Range | null {
  const dash = value.indexOf("-");
  const [rawFrom, rawTo] = dash < 0 ? [value, value] : [value.slice(0, dash), value.slice(dash + 1)];
  if (rawFrom.includes("-") || rawTo.includes("-") || (rawFrom === "" && rawTo === "")) return null;
  const from = rawFrom === "" ? null : normalizeTime(rawFrom, "start");
  const to = rawTo === "" ? null : normalizeTime(rawTo, "end");
  if ((rawFrom !== "" && from === null) || (rawTo !== "" && to === null)) return null;
  return { from, to };
}

/**
 * A key's value as one string: trimmed (DICOM pads with spaces), a multi-valued one joined by
 * `\` as on the wire, a PN by its alphabetic group; null when it is not text at all.
 */
export function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && !Array.isArray(value) && "Alphabetic" in value) return String((value as { Alphabetic?: unknown }).Alphabetic ?? "").trim();
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value as unknown[]) {
      if (typeof item === "string" || typeof item === "number") parts.push(String(item).trim());
      else if (item && typeof item === "object" && !Array.isArray(item) && "Alphabetic" in item) parts.push(String((item as { Alphabetic?: unknown }).Alphabetic ?? "").trim());
      else if (item && typeof item === "object" && Object.keys(item).filter((key) => key !== "_vrMap").length === 0) continue;
      else return null;
    }
    return parts.join("\\");
  }
  return null;
}

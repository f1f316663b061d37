import type { FhirIssue } from "./operation-outcome";

// The search parameters each resource type answers (FHIR R4 §3.1.1.4), parsed into one query
// shape the server turns into a scoped database query. A parameter a resource does not support
// is refused (400), never silently ignored: an EHR must not take an unfiltered page for a
// filtered one.

export type SearchableType = "ServiceRequest" | "Task" | "ImagingStudy" | "DiagnosticReport" | "Patient";

export interface Token {
  system: string | null;
  value: string;
}

export interface DateRange {
  gte?: Date;
  lt?: Date;
}

export interface SearchQuery {
  count: number;
  offset: number;
  ids?: string[];
  identifier?: Token;
  patientIdentifier?: Token;
  patientId?: string;
  statuses?: string[];
  date?: DateRange;
  /** The ServiceRequest a Task, ImagingStudy or DiagnosticReport belongs to (focus, basedon, based-on). */
  requestId?: string;
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;

const COMMON = ["_count", "_offset", "_id", "_format"] as const;
export const SEARCH_PARAMS: Record<SearchableType, readonly string[]> = {
  ServiceRequest: [...COMMON, "identifier", "patient.identifier", "subject:Patient.identifier", "patient", "subject", "status", "authored"],
  Task: [...COMMON, "focus", "based-on", "status", "patient", "subject"],
  ImagingStudy: [...COMMON, "patient", "subject", "basedon", "identifier"],
  DiagnosticReport: [...COMMON, "patient", "subject", "based-on", "status", "date"],
  Patient: [...COMMON, "identifier"],
};

export type SearchParse = { ok: true; query: SearchQuery } | { ok: false; issues: FhirIssue[] };

export function parseSearch(type: SearchableType, params: URLSearchParams): SearchParse {
  const issues: FhirIssue[] = [];
  const query: SearchQuery = { count: DEFAULT_COUNT, offset: 0 };
  const fail = (name: string, diagnostics: string) => issues.push({ code: "invalid", diagnostics: `${name}: ${diagnostics}`, expression: name });
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    const value = raw.trim();
    if (!SEARCH_PARAMS[type].includes(name)) {
      issues.push({ code: "not-supported", diagnostics: `${type} is not searched by '${name}' (supported: ${SEARCH_PARAMS[type].join(", ")})`, expression: name });
      continue;
    }
    // Dates may be repeated (a range: ge… and le…); anything else once.
    if (seen.has(name) && name !== "authored" && name !== "date") {
      fail(name, "given more than once");
      continue;
    }
    seen.add(name);
    switch (name) {
      case "_format":
        if (!/json/.test(value)) fail(name, "only JSON is served");
        break;
      case "_count": {
        const count = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
        if (!(count >= 0 && count <= MAX_COUNT)) fail(name, `a number from 0 to ${MAX_COUNT}`);
        else query.count = count;
        break;
      }
      case "_offset": {
        const offset = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
        if (Number.isNaN(offset)) fail(name, "a number from 0");
        else query.offset = offset;
        break;
      }
      case "_id": {
        const ids = value.split(",").map((id) => id.trim()).filter(Boolean);
        if (ids.length === 0 || ids.length > MAX_COUNT || ids.some((id) => !/^[A-Za-z0-9.-]{1,64}$/.test(id))) fail(name, "one or more resource ids, comma-separated");
        else query.ids = ids;
        break;
      }
      case "identifier": {
        const token = parseToken(value);
        if (!token) fail(name, "system|value or value");
        else if (type === "Patient" || type === "ServiceRequest" || type === "ImagingStudy") query.identifier = token;
        break;
      }
      case "patient.identifier":
      case "subject:Patient.identifier": {
        const token = parseToken(value);
        if (!token) fail(name, "system|value or value");
        else query.patientIdentifier = token;
        break;
      }
      case "patient":
      case "subject": {
        const id = referenceId(value, "Patient");
        if (!id) fail(name, "Patient/<id> or <id>");
        else query.patientId = id;
        break;
      }
      case "focus":
      case "based-on":
      case "basedon": {
        const id = referenceId(value, "ServiceRequest");
        if (!id) fail(name, "ServiceRequest/<id> or <id>");
        else query.requestId = id;
        break;
      }
      case "status": {
        const statuses = value.split(",").map((status) => status.trim()).filter(Boolean);
        if (statuses.length === 0 || statuses.some((status) => !/^[a-z-]{1,32}$/.test(status))) fail(name, "one or more status codes, comma-separated");
        else query.statuses = statuses;
        break;
      }
      case "authored":
      case "date": {
        const range = parseDateParam(value);
        if (!range) fail(name, "a date with an optional prefix eq, ge, gt, le or lt (e.g. ge2026-12-01)");
        else query.date = intersect(query.date, range);
        break;
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, query };
}

function parseToken(value: string): Token | null {
  if (!value) return null;
  const bar = value.indexOf("|");
  const token = bar < 0 ? { system: null, value } : { system: value.slice(0, bar) || null, value: value.slice(bar + 1) };
  return token.value.length > 0 && token.value.length <= 64 ? token : null;
}

function referenceId(value: string, type: string): string | null {
  const id = value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
  return /^[A-Za-z0-9.-]{1,64}$/.test(id) ? id : null;
}

const DATE = /^(eq|ge|gt|le|lt)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A date parameter as a half-open range [gte, lt): the prefix applied to the value's precision. */
export function parseDateParam(value: string): DateRange | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [, prefix = "eq", year, month, day, hour, minute, second, zone] = match;
  // Date.UTC rolls 2026-13-45 over into 2027: out-of-range fields are refused instead.
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined && (Number(day) < 1 || Number(day) > new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate())) return null;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return null;
  let start: Date;
  let end: Date;
  if (hour !== undefined) {
    const text = `${year}-${month}-${day}T${hour}:${minute}:${second ?? "00"}${zone ?? "Z"}`;
    start = new Date(text);
    end = new Date(start.getTime() + (second === undefined ? 60_000 : 1_000));
  } else {
    const y = Number(year);
    const m = month === undefined ? 0 : Number(month) - 1;
    const d = day === undefined ? 1 : Number(day);
    start = new Date(Date.UTC(y, m, d));
    end = day !== undefined ? new Date(Date.UTC(y, m, d + 1)) : month !== undefined ? new Date(Date.UTC(y, m + 1, 1)) : new Date(Date.UTC(y + 1, 0, 1));
  }
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  switch (prefix) {
    case "ge":
      return { gte: start };
    case "gt":
      return { gte: end };
    case "le":
      return { lt: end };
    case "lt":
      return { lt: start };
    default:
      return { gte: start, lt: end };
  }
}

function intersect(a: DateRange | undefined, b: DateRange): DateRange {
  if (!a) return b;
  const gte = a.gte && b.gte ? (a.gte > b.gte ? a.gte : b.gte) : (a.gte ?? b.gte);
  const lt = a.lt && b.lt ? (a.lt < b.lt ? a.lt : b.lt) : (a.lt ?? b.lt);
  return { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) };
}

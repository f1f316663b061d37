// QIDO-RS query parameters (PS3.18 8.3.4): matching keys by keyword or tag, includefield,
// fuzzymatching, limit and offset, read into typed matching conditions (PS3.4 C.2.2.2). Pure:
// a malformed value of a known key is a 400 with the reason; an unknown key is ignored.

import { hasWildcard, isUniversal, listValues, toLikePattern } from "./match-value";
import { includeTag, qidoKey, type QidoKey } from "./qido-keys";
import { dateRange, timeRange } from "./qido-ranges";

export type QidoCondition =
  | { key: QidoKey; kind: "in"; values: string[] }
  | { key: QidoKey; kind: "equals"; value: string }
  | { key: QidoKey; kind: "like"; pattern: string }
  | { key: QidoKey; kind: "person"; value: string; fuzzy: boolean }
  | { key: QidoKey; kind: "range"; from: string | null; to: string | null }
  | { key: QidoKey; kind: "integer"; value: number };

export interface QidoQuery {
  conditions: QidoCondition[];
  /** Tags asked with universal matching (an empty value): returned, even empty (C.2.2.2.4). */
  returnTags: Set<string>;
  /** Tags (8 hex digits, upper case) to add to each result; "all" for everything stored. */
  includeFields: Set<string> | "all";
  limit: number;
  offset: number;
  fuzzy: boolean;
}

export const MAX_QIDO_LIMIT = 1000;
const MAX_VALUE_LENGTH = 8192;

export type QidoParse = { ok: true; query: QidoQuery } | { ok: false; message: string };

export function parseQidoQuery(params: URLSearchParams): QidoParse {
  const query: QidoQuery = { conditions: [], returnTags: new Set(), includeFields: new Set(), limit: MAX_QIDO_LIMIT, offset: 0, fuzzy: false };
  const matching: [QidoKey, string][] = [];

  for (const [rawKey, value] of params) {
    const key = rawKey.trim();
    const lower = key.toLowerCase();
    if (lower === "limit" || lower === "offset") {
      if (!/^[0-9]{1,9}$/.test(value)) return { ok: false, message: `${key} must be a non-negative integer` };
      if (lower === "limit") query.limit = Math.min(Number(value), MAX_QIDO_LIMIT);
      else query.offset = Number(value);
      continue;
    }
    if (lower === "fuzzymatching") {
      if (value !== "true" && value !== "false") return { ok: false, message: `fuzzymatching must be true or false` };
      query.fuzzy = value === "true";
      continue;
    }
    if (lower === "includefield") {
      addIncludeFields(query, value);
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) return { ok: false, message: `the value of ${key.slice(0, 64)} is longer than ${MAX_VALUE_LENGTH} characters` };
    const known = qidoKey(key);
    if (!known) {
      // An attribute this server does not match on is ignored (PS3.18 8.3.4.1), but asked
      // empty by tag it is still a return key, read from the stored header at instance level.
      const tag = includeTag(key);
      if (tag && value === "" && query.includeFields !== "all") query.includeFields.add(tag);
      continue;
    }
    matching.push([known, value]);
  }

  // fuzzymatching may come after the keys it applies to: conditions are read once all are known.
  for (const [key, value] of matching) {
    const condition = conditionOf(key, value, query.fuzzy);
    if (condition === "universal") query.returnTags.add(key.tag);
    else if (typeof condition === "string") return { ok: false, message: condition };
    else query.conditions.push(condition);
  }
  return { ok: true, query };
}

function addIncludeFields(query: QidoQuery, value: string): void {
  for (const field of value.split(",").map((f) => f.trim()).filter(Boolean)) {
    if (field === "all") query.includeFields = "all";
    else if (query.includeFields !== "all") {
      // An unknown keyword is ignored, as PS3.18 asks (a client may name attributes the server lacks).
      const tag = includeTag(field);
      if (tag) query.includeFields.add(tag);
    }
  }
}

/** The condition a value sets, "universal" for an empty one, or the reason it is malformed. */
function conditionOf(key: QidoKey, value: string, fuzzy: boolean): QidoCondition | "universal" | string {
  if (key.match === null) return "universal";
  if (isUniversal(value)) return "universal";
  const quoted = `"${value.slice(0, 64)}"`;
  switch (key.match) {
    case "uid": {
      const values = listValues(value);
      if (values.some((uid) => !/^[0-9.]{1,64}$/.test(uid))) return `${key.keyword} must be a UID or a list of UIDs separated by \\: ${quoted}`;
      return { key, kind: "in", values };
    }
    case "code":
      if (hasWildcard(value)) return { key, kind: "like", pattern: toLikePattern(value) };
      return { key, kind: "in", values: listValues(value) };
    case "text":
      return hasWildcard(value) ? { key, kind: "like", pattern: toLikePattern(value) } : { key, kind: "equals", value };
    case "person":
      return { key, kind: "person", value, fuzzy };
    case "date": {
      const range = dateRange(value);
      return range ? { key, kind: "range", ...range } : `${key.keyword} must be a date YYYYMMDD or a range (A-B, A-, -B) with A ≤ B: ${quoted}`;
    }
    case "time": {
      const range = timeRange(value);
      return range ? { key, kind: "range", ...range } : `${key.keyword} must be a time HHMMSS.FFFFFF or a range (A-B, A-, -B) with A ≤ B: ${quoted}`;
    }
    case "integer": {
      const number = Number(value.trim());
      if (!/^[+-]?\d{1,12}$/.test(value.trim()) || !Number.isSafeInteger(number)) return `${key.keyword} must be an integer: ${quoted}`;
      return { key, kind: "integer", value: number };
    }
    default: {
      const unreachable: never = key.match;
      return unreachable;
    }
  }
}

// The C-FIND response identifier of one worklist item (PS3.4 C.2.2.1, K.6.1.2): the keys the
// query asked for, with the item's values, and nothing else. Pure.

import type { NaturalDataset } from "./worklist-query";

/** Keywords dcmjs gives for tags it does not know ("00091010") and its own bookkeeping. */
const NOT_A_KEYWORD = /^(?:[0-9A-Fa-f]{8}|_.*)$/;

/**
 * Each key of the identifier, with the item's value, or zero length when the item has none (a
 * key the worklist does not know, such as Patient's Weight). A sequence key with an item lists
 * the keys wanted inside it; an empty one asks for the whole sequence (C.2.2.2.6). Specific
 * Character Set is added as ISO_IR 192 (UTF-8) when a value is not ASCII: the accents of French
 * names come through as they are, never as "?".
 */
export function worklistResponse(item: NaturalDataset, identifier: NaturalDataset): NaturalDataset {
  const response = project(item, identifier);
  delete response.SpecificCharacterSet;
  return hasNonAscii(response) ? { SpecificCharacterSet: "ISO_IR 192", ...response } : response;
}

function project(item: NaturalDataset, keys: NaturalDataset): NaturalDataset {
  const out: NaturalDataset = {};
  for (const [keyword, asked] of Object.entries(keys)) {
    if (NOT_A_KEYWORD.test(keyword)) continue;
    const value = item[keyword];
    if (Array.isArray(value) && value.every((entry) => typeof entry === "object" && entry !== null && !("Alphabetic" in entry))) {
      // A sequence of ours: the whole of it, or each item cut to the keys of the query's item.
      const wanted = Array.isArray(asked) ? (asked[0] as NaturalDataset | undefined) : undefined;
      const keysInside = wanted && Object.keys(wanted).some((key) => !NOT_A_KEYWORD.test(key)) ? wanted : null;
      out[keyword] = (value as NaturalDataset[]).map((entry) => (keysInside ? project(entry, keysInside) : entry));
    } else if (value !== undefined) {
      out[keyword] = value;
    } else {
      out[keyword] = Array.isArray(asked) && asked.every((entry) => typeof entry === "object" && entry !== null && !("Alphabetic" in entry)) ? [] : "";
    }
  }
  return out;
}

function hasNonAscii(value: unknown): boolean {
  if (typeof value === "string") return /[^\x00-\x7f]/.test(value);
  if (Array.isArray(value)) return value.some(hasNonAscii);
  if (value && typeof value === "object") return Object.values(value).some(hasNonAscii);
  return false;
}

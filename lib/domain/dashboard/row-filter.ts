import { MODALITIES, PRIORITIES, REQUEST_TYPES } from "../enums";
import type { DashboardFilter } from "./dashboard-schemas";
import { dayNumber } from "./territory-time";
import { OUTCOMES, type TurnaroundColumns } from "./turnaround-columns";

// A dashboard filter compiled against the columns' dictionaries: masks indexed by code, so that
// testing a row is a handful of array reads.

export interface CompiledFilter {
  fromDay: number;
  toDay: number;
  site: Uint8Array | null;
  priority: Uint8Array | null;
  type: Uint8Array | null;
  modality: Uint8Array | null;
  radiologist: Uint8Array | null;
}

export const REFUSED = OUTCOMES.indexOf("INDICATION_REFUSED");

export function compileFilter(columns: TurnaroundColumns, filter: DashboardFilter): CompiledFilter {
  const dictionaryMask = (ids: readonly string[], dictionary: TurnaroundColumns["sites"]) => {
    if (ids.length === 0) return null;
    const mask = new Uint8Array(dictionary.values.length);
    for (const id of ids) {
      const code = dictionary.find(id);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  };
  const enumMask = <T extends string>(chosen: readonly T[], all: readonly T[]) => {
    if (chosen.length === 0) return null;
    const mask = new Uint8Array(all.length);
    for (const value of chosen) mask[all.indexOf(value)] = 1;
    return mask;
  };
  return {
    fromDay: dayNumber(filter.from),
    toDay: dayNumber(filter.to),
    site: dictionaryMask(filter.siteIds, columns.sites),
    priority: enumMask(filter.priorities, PRIORITIES),
    type: enumMask(filter.types, REQUEST_TYPES),
    modality: enumMask(filter.modalities, MODALITIES),
    radiologist: dictionaryMask(filter.radiologistIds, columns.radiologists),
  };
}

export function rowMatches(c: TurnaroundColumns, f: CompiledFilter, i: number): boolean {
  if (c.present[i] === 0) return false;
  const day = c.localDay[i]!;
  if (day < f.fromDay || day > f.toDay) return false;
  if (f.site && f.site[c.site[i]!] !== 1) return false;
  if (f.priority && f.priority[c.priority[i]!] !== 1) return false;
  if (f.type && f.type[c.type[i]!] !== 1) return false;
  if (f.modality && f.modality[c.modality[i]!] !== 1) return false;
  if (f.radiologist && f.radiologist[c.radiologist[i]!] !== 1) return false;
  return true;
}

/** A request that will never go further: cancelled, or its indication refused. */
export function isClosed(c: TurnaroundColumns, i: number): boolean {
  return c.cancelled[i] !== 0 || c.outcome[i] === REFUSED;
}

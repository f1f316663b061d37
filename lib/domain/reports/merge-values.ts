import type { FieldValue, ReportValues } from "./template-definition";

// Two editors of one draft (a second tab, a take-over) never overwrite each other silently:
// the later save gets a conflict, and the editor merges its changes with the saved draft
// against the version both started from. Fields are the unit of merging, as in the form.

export interface MergeResult {
  merged: ReportValues;
  /** Fields both sides changed differently, sorted; the merge kept the caller's (mine) value. */
  conflicts: string[];
}

export function mergeValues(base: ReportValues, mine: ReportValues, theirs: ReportValues): MergeResult {
  const merged: ReportValues = {};
  const conflicts: string[] = [];
  const ids = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])].sort();
  for (const id of ids) {
    // An absent field and an empty one mean the same to a reader: both are null here.
    const [b, m, t]: [FieldValue, FieldValue, FieldValue] = [base[id] ?? null, mine[id] ?? null, theirs[id] ?? null];
    if (m === t || t === b) merged[id] = m;
    else if (m === b) merged[id] = t;
    else {
      merged[id] = m;
      conflicts.push(id);
    }
  }
  return { merged, conflicts };
}

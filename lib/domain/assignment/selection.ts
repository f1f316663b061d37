import type { Priority, ShiftRole } from "../enums";
import { exclusionReason, onePerRadiologist, type AssignmentCandidate, type AssignmentSubject, type ExclusionReason } from "./eligibility";

// Selection among eligible on-call radiologists: primaries before backups, then the lowest
// weighted load (a vital emergency weighs more than a routine exam), then whoever was given a
// request least recently, then the id, so the same inputs always give the same choice.

export const PRIORITY_WEIGHT: Record<Priority, number> = { VITAL: 3, URGENT: 2, ROUTINE: 1 };

/** Σ weight(priority) over the open requests a radiologist holds. */
export function weightedLoad(heldPriorities: readonly Priority[]): number {
  return heldPriorities.reduce((sum, priority) => sum + PRIORITY_WEIGHT[priority], 0);
}

/** What decided the choice, most specific last: the UI and the event sentence explain it. */
export const SELECTION_RULES = ["ONLY_ELIGIBLE", "PRIMARY_BEFORE_BACKUP", "LOWEST_LOAD", "LEAST_RECENTLY_ASSIGNED", "TIE_BREAK"] as const;
export type SelectionRule = (typeof SELECTION_RULES)[number];

export const EXPLANATION_CONTEXTS = ["AUTO_ASSIGNMENT", "SHIFT_HANDOVER"] as const;
export type ExplanationContext = (typeof EXPLANATION_CONTEXTS)[number];

export interface ExplainedCandidate {
  id: string;
  name: string;
  role: ShiftRole;
  load: number;
  excludedBecause?: ExclusionReason;
}

/** Stored as ReadingRequest.assignmentExplanation and shown on the request. */
export interface AssignmentExplanation {
  context: ExplanationContext;
  at: string;
  chosenId: string | null;
  chosenName: string | null;
  rule: SelectionRule | null;
  candidates: ExplainedCandidate[];
}

export interface LoadInfo {
  load: number;
  lastAssignedAt: Date | null;
}

export interface SelectionInput {
  candidates: readonly AssignmentCandidate[];
  request: AssignmentSubject;
  at: Date;
  /** Weighted load and last assignment per radiologist id; missing means none. */
  loads: ReadonlyMap<string, LoadInfo>;
  context: ExplanationContext;
  /** The radiologist whose shift is ending (handover): never chosen. */
  leavingId?: string;
}

const NO_LOAD: LoadInfo = { load: 0, lastAssignedAt: null };

/** Chooses a radiologist (or nobody) and says why, candidate by candidate. */
export function selectAssignee(input: SelectionInput): AssignmentExplanation {
  const { request, at, loads, context, leavingId } = input;
  const explained = onePerRadiologist(input.candidates, request, at).map((candidate) => {
    const excluded = candidate.id === leavingId ? "LEAVING_SHIFT" : exclusionReason(candidate, request, at);
    const info = loads.get(candidate.id) ?? NO_LOAD;
    return { candidate, info, excluded };
  });
  const eligible = explained.filter((entry) => entry.excluded === null).sort(compare);
  const chosen = eligible[0];

  return {
    context,
    at: at.toISOString(),
    chosenId: chosen?.candidate.id ?? null,
    chosenName: chosen?.candidate.name ?? null,
    rule: chosen ? decidingRule(chosen, eligible.slice(1)) : null,
    // The chosen one first, then the other eligible radiologists in rank order, then the excluded.
    candidates: [...eligible, ...explained.filter((entry) => entry.excluded !== null).sort(compare)].map(({ candidate, info, excluded }) => ({
      id: candidate.id,
      name: candidate.name,
      role: candidate.shiftRole,
      load: info.load,
      ...(excluded ? { excludedBecause: excluded } : {}),
    })),
  };
}

interface Ranked {
  candidate: AssignmentCandidate;
  info: LoadInfo;
}

function compare(a: Ranked, b: Ranked): number {
  return (
    roleRank(a.candidate.shiftRole) - roleRank(b.candidate.shiftRole) ||
    a.info.load - b.info.load ||
    lastAssigned(a) - lastAssigned(b) ||
    (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0)
  );
}

const roleRank = (role: ShiftRole) => (role === "PRIMARY" ? 0 : 1);
/** Never assigned sorts first. */
const lastAssigned = (entry: Ranked) => entry.info.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/** The first criterion that set the chosen one apart from every other eligible radiologist. */
function decidingRule(chosen: Ranked, others: readonly Ranked[]): SelectionRule {
  if (others.length === 0) return "ONLY_ELIGIBLE";
  const sameRole = others.filter((other) => other.candidate.shiftRole === chosen.candidate.shiftRole);
  if (sameRole.length === 0) return "PRIMARY_BEFORE_BACKUP";
  const sameLoad = sameRole.filter((other) => other.info.load === chosen.info.load);
  if (sameLoad.length === 0) return "LOWEST_LOAD";
  const sameLast = sameLoad.filter((other) => lastAssigned(other) === lastAssigned(chosen));
  return sameLast.length === 0 ? "LEAST_RECENTLY_ASSIGNED" : "TIE_BREAK";
}

/** Reads a stored explanation back; anything malformed is shown as no explanation. */
export function parseExplanation(value: unknown): AssignmentExplanation | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Partial<AssignmentExplanation>;
  if (!Array.isArray(record.candidates) || typeof record.context !== "string" || typeof record.at !== "string") return null;
  return record as AssignmentExplanation;
}

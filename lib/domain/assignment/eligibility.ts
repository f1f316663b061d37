import type { ShiftRole, Subspecialty } from "../enums";

// Who may be given a request: a radiologist on call
// for the requesting site now, allowed to read for it (the inter-hospital agreement, not
// expired), and with the subspecialty the exam needs when it needs one.

export const EXCLUSION_REASONS = ["NO_PRIVILEGE", "PRIVILEGE_EXPIRED", "OFF_SHIFT", "MISSING_SUBSPECIALTY", "LEAVING_SHIFT"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One radiologist's shift covering the site, as the rota and the agreements say. */
export interface AssignmentCandidate {
  id: string;
  name: string;
  shiftId: string;
  shiftRole: ShiftRole;
  shiftStartsAt: Date;
  shiftEndsAt: Date;
  subspecialties: readonly Subspecialty[];
  /** The reading privilege for the site, whatever its expiry; null when there is none. */
  privilege: { expiresAt: Date | null } | null;
}

export interface AssignmentSubject {
  requiredSubspecialty: Subspecialty | null;
}

/** Why this candidate may not take the request at `at`, or null when they may. First reason wins. */
export function exclusionReason(candidate: AssignmentCandidate, request: AssignmentSubject, at: Date): ExclusionReason | null {
  if (candidate.privilege === null) return "NO_PRIVILEGE";
  if (candidate.privilege.expiresAt !== null && candidate.privilege.expiresAt.getTime() <= at.getTime()) return "PRIVILEGE_EXPIRED";
  // A shift covers [startsAt, endsAt): at the end instant the next shift is the one on call.
  if (candidate.shiftStartsAt.getTime() > at.getTime() || candidate.shiftEndsAt.getTime() <= at.getTime()) return "OFF_SHIFT";
  if (request.requiredSubspecialty !== null && !candidate.subspecialties.includes(request.requiredSubspecialty)) return "MISSING_SUBSPECIALTY";
  return null;
}

export function isEligible(candidate: AssignmentCandidate, request: AssignmentSubject, at: Date): boolean {
  return exclusionReason(candidate, request, at) === null;
}

/**
 * A radiologist may appear with several shifts covering the site (overlapping slots). Keep one
 * entry per radiologist: an eligible shift before an ineligible one, a primary before a backup.
 */
export function onePerRadiologist(candidates: readonly AssignmentCandidate[], request: AssignmentSubject, at: Date): AssignmentCandidate[] {
  const best = new Map<string, AssignmentCandidate>();
  for (const candidate of candidates) {
    const current = best.get(candidate.id);
    if (!current || rank(candidate, request, at) < rank(current, request, at)) best.set(candidate.id, candidate);
  }
  return [...best.values()];
}

function rank(candidate: AssignmentCandidate, request: AssignmentSubject, at: Date): number {
  return (isEligible(candidate, request, at) ? 0 : 2) + (candidate.shiftRole === "PRIMARY" ? 0 : 1);
}

import { isEligible, type AssignmentCandidate, type AssignmentSubject } from "./eligibility";
import { selectAssignee, type AssignmentExplanation, type LoadInfo } from "./selection";

// At the end of a shift, each open request the leaving radiologist holds for a site the shift
// covered goes to the next eligible radiologist on call (the same selection as automatic
// assignment), or back to the pool when there is none. When the leaving radiologist is still
// on call for that site (back-to-back shifts), the request stays with them.

export type HandoverDecision =
  | { kind: "STAY" }
  | { kind: "HAND_OVER"; toId: string; toName: string; explanation: AssignmentExplanation }
  | { kind: "RETURN_TO_POOL"; explanation: AssignmentExplanation };

export function decideHandover(args: {
  leavingId: string;
  /** Who is on call for the request's site at `at` (the leaving radiologist's next shift included). */
  onCall: readonly AssignmentCandidate[];
  request: AssignmentSubject;
  at: Date;
  loads: ReadonlyMap<string, LoadInfo>;
}): HandoverDecision {
  const { leavingId, onCall, request, at, loads } = args;
  // The subspecialty is not asked of the leaving radiologist: they already hold the request.
  const stillOnCall = onCall.some((c) => c.id === leavingId && isEligible(c, { requiredSubspecialty: null }, at));
  if (stillOnCall) return { kind: "STAY" };
  const explanation = selectAssignee({ candidates: onCall, request, at, loads, context: "SHIFT_HANDOVER", leavingId });
  if (explanation.chosenId === null || explanation.chosenName === null) return { kind: "RETURN_TO_POOL", explanation };
  return { kind: "HAND_OVER", toId: explanation.chosenId, toName: explanation.chosenName, explanation };
}

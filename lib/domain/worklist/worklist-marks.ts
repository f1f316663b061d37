import type { Actor } from "../access";
import { isTaken } from "../assignment/escalation-ladder";
import type { RequestStatus } from "../enums";
import { isOpen } from "../request-state-machine";
import { canSeeCriticalFindings } from "../reports/critical-findings";

// What a worklist row flags at a glance, besides its priority: a request that escalated and
// still waits for someone to take it (the department head's board shows the same ones), and
// critical findings nobody at the site has acknowledged yet.

export interface EscalationState {
  status: RequestStatus;
  escalationLevel: number;
  holderId: string | null;
  holdAcknowledgedAt: Date | null;
}

/**
 * Escalated and still waiting: once someone takes the request (claim, take-over, acknowledged
 * assignment) the ladder has done its job and the mark goes, although the level stays recorded.
 */
export function isEscalatedAndWaiting(request: EscalationState): boolean {
  return request.escalationLevel > 0 && isOpen(request.status) && !isTaken(request);
}

/**
 * Critical findings are shown only to those who read reports (not radiographers); for them a
 * request with a finding still unacknowledged stays on the worklist after signing, until acknowledged.
 */
export function worklistShowsCriticalFindings(actor: Actor): boolean {
  return canSeeCriticalFindings(actor);
}

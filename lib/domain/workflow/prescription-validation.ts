import type { RequestStatus } from "../enums";

// Who validated a prescription, and when, as the printed sheet says it: read from the
// request's timeline (append-only), never stored twice.

export interface TimelineStep {
  at: Date;
  toStatus: string | null;
  actorName: string | null;
}

export interface Validation {
  by: string | null;
  at: Date;
}

/** The indication's acceptance (or its modification): the justification of the exam. */
export const INDICATION_DECIDED: readonly RequestStatus[] = ["INDICATION_ACCEPTED", "INDICATION_MODIFIED"];
/** The protocol sent to the radiographer: the prescription itself. */
export const PROTOCOL_VALIDATED: readonly RequestStatus[] = ["PROTOCOL_SENT"];

/** The latest step into one of `statuses` (a protocol may be sent again after a modification). */
export function lastValidation(timeline: readonly TimelineStep[], statuses: readonly RequestStatus[]): Validation | null {
  let found: TimelineStep | null = null;
  for (const step of timeline) {
    if (step.toStatus !== null && (statuses as readonly string[]).includes(step.toStatus) && (found === null || step.at.getTime() >= found.at.getTime())) found = step;
  }
  return found ? { by: found.actorName, at: found.at } : null;
}

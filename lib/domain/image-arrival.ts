import type { RequestStatus, RequestType } from "./enums";
import { transitionTarget, type RequestAction } from "./request-state-machine";

// What images do to a request's life. A télédiagnostic whose protocol was sent moves to
// "images arriving" with its first linked image and to "images complete" when the study is
// complete. Images that come earlier or to a téléexpertise are traced without a status change.
// Images after signing flag the request for its reader (an addendum may be needed).

export type ImageMilestone = "received" | "complete";

/** The statuses in which arriving images flag the request (also matched in SQL by ingest). */
export const AFTER_SIGNING_STATUSES: readonly RequestStatus[] = ["SIGNED", "DELIVERED", "ACKNOWLEDGED"];
const AFTER_SIGNING: ReadonlySet<RequestStatus> = new Set(AFTER_SIGNING_STATUSES);

export function isAfterSigning(status: RequestStatus): boolean {
  return AFTER_SIGNING.has(status);
}

/**
 * The status changes a milestone causes, in order (a study linked once already complete
 * passes both). Empty when the status stays as it is.
 */
export function imageTransitions(type: RequestType, status: RequestStatus, milestone: ImageMilestone): { action: RequestAction; to: RequestStatus }[] {
  const steps: { action: RequestAction; to: RequestStatus }[] = [];
  let current = status;
  const actions: RequestAction[] = milestone === "received" ? ["RECEIVE_IMAGES"] : ["RECEIVE_IMAGES", "COMPLETE_IMAGES"];
  for (const action of actions) {
    const to = transitionTarget(type, current, action);
    if (to === null) continue;
    steps.push({ action, to });
    current = to;
  }
  return steps;
}

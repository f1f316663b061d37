import type { Actor } from "../access";
import type { RequestStatus } from "../enums";

// Who reads what of a report, among those who may see the request at all (access.ts decides
// that, and services apply it first). A draft is the holder's work in progress: only the holder
// sees it. A signed version is the answer to the request: the site's referrers (the requester
// and colleagues who take over the patient), radiologists reading for the site, and the head.
// Radiographers send images and administrators take no part in care: neither reads reports.

export function canReadSignedReport(actor: Actor): boolean {
  return actor.role === "REFERRER" || actor.role === "RADIOLOGIST" || actor.role === "DEPARTMENT_HEAD";
}

export function canReadDraft(actor: Actor, request: { holderId: string | null }): boolean {
  return actor.role === "RADIOLOGIST" && request.holderId === actor.id;
}

/** Statuses in which a request has a signed report or opinion. */
export const SIGNED_STATUSES: readonly RequestStatus[] = ["SIGNED", "DELIVERED", "ACKNOWLEDGED"];

export function hasSignedReport(status: RequestStatus): boolean {
  return SIGNED_STATUSES.includes(status);
}

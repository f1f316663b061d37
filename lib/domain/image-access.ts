import { isSiteStaffOf, type Actor } from "./access";
import type { RequestStatus } from "./enums";

// Who may look at a request's images (the pixels, not the request's metadata). Seeing a
// request (access.ts) is wider than viewing its images: only the professionals taking part in
// this patient's care open them, and each at the moment their part needs it.

/** The request's report is signed: what it answered is final, the requester may look at what was read. */
export const REPORTED_STATUSES: readonly RequestStatus[] = ["SIGNED", "DELIVERED", "ACKNOWLEDGED"];

export interface ImageAccessRequest {
  siteId: string;
  holderId: string | null;
  status: RequestStatus;
}

/** Why an actor who may see the request may not view its images; the UI translates it. */
export type ImageRefusal = "NOT_HOLDER" | "REPORT_NOT_SIGNED" | "NOT_SITE_STAFF" | "NO_PART_IN_CARE" | "UNLINKED_STUDY";

export type ImageAccess = { allowed: true } | { allowed: false; reason: ImageRefusal };

const ALLOWED: ImageAccess = { allowed: true };
const refuse = (reason: ImageRefusal): ImageAccess => ({ allowed: false, reason });

export function requestImageAccess(actor: Actor, request: ImageAccessRequest): ImageAccess {
  switch (actor.role) {
    case "RADIOLOGIST":
      // The reader responsible for the request, whatever its status: after signing they still
      // need the images for an addendum. Another radiologist reading for the site takes it first.
      return request.holderId === actor.id ? ALLOWED : refuse("NOT_HOLDER");
    case "REFERRER":
      // Any referrer of the site, not only the one who submitted: the site's emergency
      // physicians take over each other's patients at shift change. They look at the images
      // with the report, once it is signed; before that the reading is the radiologist's.
      if (!isSiteStaffOf(actor, request.siteId)) return refuse("NOT_SITE_STAFF");
      return REPORTED_STATUSES.includes(request.status) ? ALLOWED : refuse("REPORT_NOT_SIGNED");
    case "RADIOGRAPHER":
      // The radiographer checks the acquisition they sent, at any point of the request's life.
      return isSiteStaffOf(actor, request.siteId) ? ALLOWED : refuse("NOT_SITE_STAFF");
    case "DEPARTMENT_HEAD":
    case "ADMIN":
      // They take no part in this patient's care; the head keeps the metadata-level views
      // (worklist, turnaround) and the administrator sees no patient data at all.
      return refuse("NO_PART_IN_CARE");
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

export function canViewRequestImages(actor: Actor, request: ImageAccessRequest): boolean {
  return requestImageAccess(actor, request).allowed;
}

/**
 * A study of the site not (or not yet confirmed as) linked to a request: nobody's reading it,
 * and its identity is unchecked. Only the site's radiographers, who sent it and will link it,
 * look at its images.
 */
export function canViewUnlinkedStudy(actor: Actor, study: { siteId: string }): boolean {
  return actor.role === "RADIOGRAPHER" && actor.siteId === study.siteId;
}

/** Server-side wording of a refusal (errors and DICOMweb 403 bodies); the UI translates the code. */
export const IMAGE_REFUSAL_MESSAGES: Record<ImageRefusal, string> = {
  NOT_HOLDER: "only the radiologist holding the request views its images: claim it first",
  REPORT_NOT_SIGNED: "the images of a request are open to the requesting site once its report is signed",
  NOT_SITE_STAFF: "only the requesting site's staff view these images",
  NO_PART_IN_CARE: "images are open to the professionals taking part in this patient's care",
  UNLINKED_STUDY: "images not linked to a request are open to the sending site's radiographers only",
};

import type { Actor } from "./access";
import type { RequestStatus } from "./enums";
import { matchPrior, type PatientIdentity } from "./prior-match";
import { isOpen } from "./request-state-machine";
import type { PriorMatch } from "./viewer-opening";

// When does holding a request open another request's study as a prior? Priors are a reading
// aid: the radiologist compares tonight's images with what the patient had before. So they
// are granted only while the held request is being read (not once it is signed, delivered,
// acknowledged, refused or cancelled: the holder keeps the request long after, but not the
// patient's whole file), and only for what came before it. A later study is a new episode of
// care, read by whoever holds its own request. One rule for the viewer's list and DICOMweb.

export interface HeldRequestForPriors {
  id: string;
  holderId: string | null;
  status: RequestStatus;
  submittedAt: Date;
  patient: PatientIdentity;
}

export interface PriorCandidate {
  requestId: string;
  submittedAt: Date;
  patient: PatientIdentity;
  /** The study's DICOM date (DA, YYYYMMDD), when it has one. */
  studyDate: string | null;
}

/**
 * Study dates are local calendar dates at the modality; a submission is an instant. Compared
 * in the territory's time zone, so a study made at 00:30 before a request submitted at 00:45
 * counts as the same day, not the next.
 */
export const TERRITORY_TIME_ZONE = "Europe/Paris";

const territoryDay = new Intl.DateTimeFormat("en-CA", { timeZone: TERRITORY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** YYYYMMDD of an instant in the territory's time zone. */
export function territoryDate(instant: Date): string {
  return territoryDay.format(instant).replaceAll("-", "");
}

/** Does this held request give its holder priors at all? Only to its holder, while it is being worked on. */
export function grantsPriors(actor: Actor, held: Pick<HeldRequestForPriors, "holderId" | "status">): boolean {
  return actor.role === "RADIOLOGIST" && held.holderId === actor.id && isOpen(held.status);
}

/**
 * Is the candidate study a prior the actor may view through the held request, and how was the
 * patient matched? Null when it is not: not granted (see grantsPriors), the held request
 * itself, submitted at the same time or later, dated after the held request's submission day
 * (images of a later exam linked to an old request), or another patient (prior-match.ts).
 */
export function priorThroughHeldRequest(actor: Actor, held: HeldRequestForPriors, candidate: PriorCandidate): PriorMatch | null {
  if (!grantsPriors(actor, held)) return null;
  if (candidate.requestId === held.id) return null;
  if (candidate.submittedAt.getTime() >= held.submittedAt.getTime()) return null;
  // An unreadable date is no date: the submission order above still applies.
  if (candidate.studyDate !== null && /^\d{8}$/.test(candidate.studyDate) && candidate.studyDate > territoryDate(held.submittedAt)) return null;
  return matchPrior(held.patient, candidate.patient);
}

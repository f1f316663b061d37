import type { Actor } from "../access";
import { isSiteStaffOf } from "../access";
import type { RequestStatus, RequestType } from "../enums";
import { transitionTarget } from "../request-state-machine";

// Who may perform which act of the workflow on a request. Pure: the services enforce it and
// the request page offers exactly these acts.

export const WORKFLOW_ACTS = ["DECIDE_INDICATION", "PROVIDE_INFO", "SEND_PROTOCOL", "RECORD_PATIENT_INFORMED", "CANCEL"] as const;
export type WorkflowAct = (typeof WORKFLOW_ACTS)[number];

export interface WorkflowSubject {
  type: RequestType;
  status: RequestStatus;
  siteId: string;
  holderId: string | null;
  patientInformedAt: Date | null;
}

const AFTER_PROTOCOL: ReadonlySet<RequestStatus> = new Set(["PROTOCOL_SENT", "IMAGES_ARRIVING", "IMAGES_COMPLETE"]);
/** From submission until reading starts: the referrer usually informs the patient in the emergency department, before the protocol. */
const BEFORE_READING: ReadonlySet<RequestStatus> = new Set(["SUBMITTED", "INFO_REQUESTED", "INDICATION_ACCEPTED", "INDICATION_MODIFIED", ...AFTER_PROTOCOL]);

/**
 * Who may record that the patient was informed: a referrer of the request's site (the
 * requesting physician or a colleague: many sites have no radiographer account), or the
 * site's radiographer once the protocol is sent (they meet the patient at acquisition).
 */
export function mayRecordPatientInformed(actor: Actor, request: WorkflowSubject): boolean {
  if (request.type !== "TELEDIAGNOSTIC" || request.patientInformedAt !== null || !isSiteStaffOf(actor, request.siteId)) return false;
  if (actor.role === "REFERRER") return BEFORE_READING.has(request.status);
  if (actor.role === "RADIOGRAPHER") return AFTER_PROTOCOL.has(request.status);
  return false;
}

export function canPerform(actor: Actor, request: WorkflowSubject, act: WorkflowAct): boolean {
  const isHolder = actor.role === "RADIOLOGIST" && request.holderId === actor.id;
  const isReferrer = actor.role === "REFERRER" && isSiteStaffOf(actor, request.siteId);
  switch (act) {
    case "DECIDE_INDICATION":
      // The radiologist carrying the request decides; it must be held first (claimed or assigned).
      return isHolder && transitionTarget(request.type, request.status, "ACCEPT_INDICATION") !== null;
    case "PROVIDE_INFO":
      return isReferrer && transitionTarget(request.type, request.status, "PROVIDE_INFO") !== null;
    case "SEND_PROTOCOL":
      return isHolder && transitionTarget(request.type, request.status, "SEND_PROTOCOL") !== null;
    case "RECORD_PATIENT_INFORMED":
      return mayRecordPatientInformed(actor, request);
    case "CANCEL":
      // The requesting site's physicians, the radiologist carrying it and the department head.
      return (isReferrer || isHolder || actor.role === "DEPARTMENT_HEAD") && transitionTarget(request.type, request.status, "CANCEL") !== null;
    default: {
      const unreachable: never = act;
      return unreachable;
    }
  }
}

export function availableActs(actor: Actor, request: WorkflowSubject): WorkflowAct[] {
  return WORKFLOW_ACTS.filter((act) => canPerform(actor, request, act));
}

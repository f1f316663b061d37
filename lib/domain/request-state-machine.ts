import { AppError } from "./errors";
import { REQUEST_STATUSES, type RequestStatus, type RequestType } from "./enums";

// The life of a request (docs/architecture.md). Holding (assigned/claimed) is not a status:
// a télédiagnostic needs a radiologist from submission on, so the holder is tracked beside
// the status and claims/releases are events that leave the status unchanged.

export const REQUEST_ACTIONS = [
  "REQUEST_INFO",
  "PROVIDE_INFO",
  "ACCEPT_INDICATION",
  "MODIFY_INDICATION",
  "REFUSE_INDICATION",
  "SEND_PROTOCOL",
  "RECEIVE_IMAGES",
  "COMPLETE_IMAGES",
  "START_READING",
  "SIGN",
  "DELIVER",
  "ACKNOWLEDGE",
  "CANCEL",
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

type TransitionTable = Partial<Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>>>;

const CANCEL = { CANCEL: "CANCELLED" } as const;

const TELEDIAGNOSTIC: TransitionTable = {
  SUBMITTED: {
    REQUEST_INFO: "INFO_REQUESTED",
    ACCEPT_INDICATION: "INDICATION_ACCEPTED",
    // The radiologist proposes another exam or protocol, with a reason; the protocol follows.
    MODIFY_INDICATION: "INDICATION_MODIFIED",
    REFUSE_INDICATION: "INDICATION_REFUSED",
    ...CANCEL,
  },
  INFO_REQUESTED: { PROVIDE_INFO: "SUBMITTED", ...CANCEL },
  INDICATION_ACCEPTED: { SEND_PROTOCOL: "PROTOCOL_SENT", ...CANCEL },
  INDICATION_MODIFIED: { SEND_PROTOCOL: "PROTOCOL_SENT", ...CANCEL },
  PROTOCOL_SENT: { RECEIVE_IMAGES: "IMAGES_ARRIVING", ...CANCEL },
  IMAGES_ARRIVING: { COMPLETE_IMAGES: "IMAGES_COMPLETE", ...CANCEL },
  IMAGES_COMPLETE: { START_READING: "IN_READING", ...CANCEL },
  IN_READING: { SIGN: "SIGNED" },
  SIGNED: { DELIVER: "DELIVERED" },
  DELIVERED: { ACKNOWLEDGE: "ACKNOWLEDGED" },
};

// Téléexpertise: a second opinion on existing images, straight to the expert.
const TELEEXPERTISE: TransitionTable = {
  SUBMITTED: { START_READING: "IN_READING", ...CANCEL },
  IN_READING: { SIGN: "SIGNED" },
  SIGNED: { DELIVER: "DELIVERED" },
  DELIVERED: { ACKNOWLEDGE: "ACKNOWLEDGED" },
};

const TABLES: Record<RequestType, TransitionTable> = { TELEDIAGNOSTIC, TELEEXPERTISE };

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function transitionTarget(type: RequestType, from: RequestStatus, action: RequestAction): RequestStatus | null {
  return TABLES[type][from]?.[action] ?? null;
}

/** Actions that must say why: the reason is part of the legal trace. */
const REASON_REQUIRED: ReadonlySet<RequestAction> = new Set(["REQUEST_INFO", "PROVIDE_INFO", "MODIFY_INDICATION", "REFUSE_INDICATION", "CANCEL"]);

export function requiresReason(action: RequestAction): boolean {
  return REASON_REQUIRED.has(action);
}

/** Like transitionTarget, but refuses an illegal transition with a typed error. */
export function nextStatus(type: RequestType, from: RequestStatus, action: RequestAction): RequestStatus {
  const to = transitionTarget(type, from, action);
  if (to === null) {
    throw new AppError("INVALID_TRANSITION", `${action} is not allowed for a ${type} in status ${from}`, {
      action,
      from,
    });
  }
  return to;
}

export function allowedActions(type: RequestType, from: RequestStatus): RequestAction[] {
  return Object.keys(TABLES[type][from] ?? {}) as RequestAction[];
}

const CLOSED: ReadonlySet<RequestStatus> = new Set([
  "INDICATION_REFUSED",
  "SIGNED",
  "DELIVERED",
  "ACKNOWLEDGED",
  "CANCELLED",
]);

/** Open requests still need a radiologist's work; they are what a worklist shows by default. */
export function isOpen(status: RequestStatus): boolean {
  return !CLOSED.has(status);
}

/** A request can be claimed while a radiologist still has work to do on it. */
export function isClaimable(status: RequestStatus): boolean {
  return isOpen(status);
}

export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter(isOpen);

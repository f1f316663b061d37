import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canPerform, type WorkflowAct, type WorkflowSubject } from "@/lib/domain/workflow/workflow-permissions";
import type { Tx } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface LoadedSubject extends WorkflowSubject {
  id: string;
  requesterId: string;
}

/**
 * The request an act is about, scoped to the actor (outside the scope it does not exist), and
 * the check that this actor may perform this act on it now. A refused act says why: not the
 * holder, or not allowed from the current status.
 */
export async function loadSubjectFor(tx: Tx, actor: Actor, requestId: string, act: WorkflowAct): Promise<LoadedSubject> {
  const request = await tx.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: { id: true, type: true, status: true, siteId: true, holderId: true, patientInformedAt: true, requesterId: true },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  if (!canPerform(actor, request, act)) {
    const holderAct = act === "DECIDE_INDICATION" || act === "SEND_PROTOCOL";
    if (holderAct && actor.role === "RADIOLOGIST" && request.holderId !== actor.id) {
      throw new AppError("NOT_HOLDER", "Take the request before deciding on it");
    }
    if (canPerform(actor, { ...request, status: statusWhereActIsAllowed(act) }, act)) {
      throw new AppError("INVALID_TRANSITION", `${act} is not allowed for a ${request.type} in status ${request.status}`, { action: act, from: request.status });
    }
    throw new AppError("FORBIDDEN", `${actor.role} may not ${act} on this request`);
  }
  return request;
}

/** A status from which the act is possible, to tell "wrong moment" from "wrong person". */
function statusWhereActIsAllowed(act: WorkflowAct): WorkflowSubject["status"] {
  switch (act) {
    case "DECIDE_INDICATION":
      return "SUBMITTED";
    case "PROVIDE_INFO":
      return "INFO_REQUESTED";
    case "SEND_PROTOCOL":
      return "INDICATION_ACCEPTED";
    case "RECORD_PATIENT_INFORMED":
      return "PROTOCOL_SENT";
    case "CANCEL":
      return "SUBMITTED";
    default: {
      const unreachable: never = act;
      return unreachable;
    }
  }
}

import type { PatientInformationPolicy, RequestStatus, RequestType } from "./enums";
import { allowedActions, transitionTarget } from "./request-state-machine";

// Replays a request's stored timeline through the state machine and the product's rules,
// and says what no user could have produced: for seeded and generated data (demo, history),
// which is written directly and not through the services that enforce these rules.

export interface ReplayedEvent {
  type: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  at: Date;
}

export interface ReplayedRequest {
  type: RequestType;
  /** The status stored on the request row. */
  status: RequestStatus;
  policy: PatientInformationPolicy;
  /** Events in the order they were written (time, then insertion). */
  events: readonly ReplayedEvent[];
  /** The original report's signature, and its delivery to the requester, if any. */
  report: { signedAt: Date | null; acknowledgedAt: Date | null } | null;
}

const REPORTED: ReadonlySet<RequestStatus> = new Set(["SIGNED", "DELIVERED", "ACKNOWLEDGED"]);

/** What is unreachable in this timeline; empty when every step is one the product allows. */
export function unreachableSteps(request: ReplayedRequest): string[] {
  const problems: string[] = [];
  const [first, ...rest] = request.events;
  if (first?.type !== "SUBMITTED" || first.toStatus !== "SUBMITTED") return ["does not start with its submission"];
  let status: RequestStatus = "SUBMITTED";
  let informed = false;
  let signed = false;
  for (const event of rest) {
    if (event.type === "PATIENT_INFORMED") informed = true;
    if ((event.type === "REPORT_OPENED" || event.type === "ADDENDUM_SIGNED") && !signed) problems.push(`${event.type} before any signed report`);
    if (event.toStatus === null) continue;
    // A trace that leaves the status as it is (images received for a second opinion): the
    // product writes it with from = to (request-image-milestone.ts); no transition to check.
    if (event.fromStatus === status && event.toStatus === status) continue;
    if (event.fromStatus !== status) problems.push(`${event.type} from ${event.fromStatus ?? "nothing"} while the request was ${status}`);
    const reachable = allowedActions(request.type, status).some((action) => transitionTarget(request.type, status, action) === event.toStatus);
    if (!reachable) problems.push(`${status} -> ${event.toStatus} is not a transition of a ${request.type}`);
    if (event.toStatus === "IN_READING" && request.type === "TELEDIAGNOSTIC" && request.policy === "REQUIRED" && !informed) {
      problems.push("reading started before the patient was informed (site policy)");
    }
    if (event.toStatus === "SIGNED") {
      signed = true;
      if (!request.report?.signedAt) problems.push("signed without a signed report");
    }
    status = event.toStatus;
  }
  if (status !== request.status) problems.push(`stored status ${request.status}, timeline ends at ${status}`);
  if (REPORTED.has(request.status) && !request.report?.signedAt) problems.push(`${request.status} without a signed report`);
  if (request.status === "ACKNOWLEDGED" && !request.report?.acknowledgedAt) problems.push("acknowledged but the report's delivery was never acknowledged");
  if (request.report?.signedAt && !REPORTED.has(request.status)) problems.push(`a signed report on a request still ${request.status}`);
  return problems;
}

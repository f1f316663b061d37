import type { Actor } from "../access";
import type { CommunicationChannel, CriticalCategory, RequestStatus } from "../enums";
import { canReadSignedReport } from "./report-access";

// Critical findings (ACR "Actionable findings"): the radiologist reading a request flags a
// finding the referrer must act on, with a communication category — MINUTES (vital: at once,
// by voice), HOURS or DAYS — then records each communication (to whom, how, when, read back
// or not). A MINUTES finding nobody acknowledges within the site's delay escalates to the
// site's physicians and the department head. Pure rules: the services enforce them.

export const CRITICAL_DESCRIPTION_MAX = 2000;
export const RECIPIENT_NAME_MAX = 200;

/** The site's acknowledgement delay of a vital finding, in minutes (Site.criticalAckMinutes). */
export const CRITICAL_ACK_MINUTES = { min: 1, max: 240, default: 15 } as const;

/** A communication is recorded after the fact, but within a week of it. */
export const COMMUNICATION_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** A browser's clock slightly ahead of the server's must not refuse "now". */
export const CLOCK_SKEW_MS = 60_000;

/** Once reading has begun, and after signing (a finding may be recognised on review). */
export const FLAGGABLE_STATUSES: readonly RequestStatus[] = ["IN_READING", "SIGNED", "DELIVERED", "ACKNOWLEDGED"];

export function isFlaggableStatus(status: RequestStatus): boolean {
  return FLAGGABLE_STATUSES.includes(status);
}

/** Who sees a request's findings: whoever reads its signed report (not radiographers nor admins). */
export function canSeeCriticalFindings(actor: Actor): boolean {
  return canReadSignedReport(actor);
}

/** Only the radiologist holding the request flags, while it is read or once it is signed. */
export function canFlagCritical(actor: Actor, request: { holderId: string | null; status: RequestStatus }): boolean {
  return actor.role === "RADIOLOGIST" && request.holderId === actor.id && isFlaggableStatus(request.status);
}

/**
 * The radiologist who flagged the finding records its communications (they made the call),
 * and so does the request's current holder (after a take-over or a handover).
 */
export function canRecordCommunication(actor: Actor, request: { holderId: string | null }, finding: { flaggedById: string }): boolean {
  return actor.role === "RADIOLOGIST" && (request.holderId === actor.id || finding.flaggedById === actor.id);
}

/** The requester, or any referring physician of the request's site (a colleague taking over the patient). */
export function canAcknowledgeCritical(actor: Actor, request: { siteId: string }): boolean {
  return actor.role === "REFERRER" && actor.siteId === request.siteId;
}

/** A MINUTES finding must be acknowledged by this time; the other categories do not escalate. */
export function acknowledgeDeadline(category: CriticalCategory, flaggedAt: Date, ackMinutes: number): Date | null {
  return category === "MINUTES" ? new Date(flaggedAt.getTime() + ackMinutes * 60_000) : null;
}

export interface FindingClock {
  category: CriticalCategory;
  acknowledgeBy: Date | null;
  acknowledgedAt: Date | null;
  escalatedAt: Date | null;
}

export type EscalationSkip = "NOT_VITAL" | "ACKNOWLEDGED" | "ALREADY_ESCALATED" | "NOT_DUE";

/** Why a finding does not escalate at `now`, or null when it does. */
export function escalationSkip(finding: FindingClock, now: Date): EscalationSkip | null {
  if (finding.category !== "MINUTES" || finding.acknowledgeBy === null) return "NOT_VITAL";
  if (finding.acknowledgedAt !== null) return "ACKNOWLEDGED";
  if (finding.escalatedAt !== null) return "ALREADY_ESCALATED";
  if (finding.acknowledgeBy.getTime() > now.getTime()) return "NOT_DUE";
  return null;
}

/** A vital finding still unacknowledged, not yet escalated, whose deadline has passed. */
export function escalationDue(finding: FindingClock, now: Date): boolean {
  return escalationSkip(finding, now) === null;
}

export type FindingState = "open" | "acknowledged" | "escalated";

/** Acknowledged closes the loop, even after an escalation; escalated is an open loop that was raised. */
export function findingState(finding: { acknowledgedAt: Date | null; escalatedAt: Date | null }): FindingState {
  if (finding.acknowledgedAt !== null) return "acknowledged";
  if (finding.escalatedAt !== null) return "escalated";
  return "open";
}

/** An open vital finding whose deadline has passed (escalated or about to be). */
export function isOverdue(finding: FindingClock, now: Date): boolean {
  return finding.acknowledgedAt === null && finding.acknowledgeBy !== null && finding.acknowledgeBy.getTime() <= now.getTime();
}

export type CommunicationTimeProblem = "FUTURE" | "TOO_OLD";

/** A communication happened in the past (give or take the clocks' skew), at most a week ago. */
export function communicationTimeProblem(communicatedAt: Date, now: Date): CommunicationTimeProblem | null {
  const at = communicatedAt.getTime();
  if (Number.isNaN(at)) return "TOO_OLD";
  if (at > now.getTime() + CLOCK_SKEW_MS) return "FUTURE";
  if (at < now.getTime() - COMMUNICATION_MAX_AGE_MS) return "TOO_OLD";
  return null;
}

// The trace's sentences. Events are written once, in the reference language (French), like the
// other reasons of the request's timeline.

const CATEGORY_FR: Record<CriticalCategory, string> = {
  MINUTES: "Minutes (urgence vitale)",
  HOURS: "Heures",
  DAYS: "Jours",
};

const CHANNEL_FR: Record<CommunicationChannel, string> = {
  PHONE: "par téléphone",
  IN_APP: "dans l'application",
};

const REASON_MAX = 2000;

function clip(text: string): string {
  return text.length <= REASON_MAX ? text : `${text.slice(0, REASON_MAX - 1)}…`;
}

/**
 * The event's reason names the category only: the timeline is read by radiographers too, who
 * do not read findings; the description stays on the CriticalFinding row.
 */
export function flaggedReason(category: CriticalCategory): string {
  return CATEGORY_FR[category];
}

export function communicatedReason(args: { channel: CommunicationChannel; recipientName: string; acknowledged: boolean }): string {
  const readBack = args.acknowledged ? " — relecture confirmée" : "";
  return clip(`Communiqué ${CHANNEL_FR[args.channel]} à ${args.recipientName}${readBack}`);
}

export function acknowledgedReason(args: { byName: string; channel: CommunicationChannel }): string {
  return clip(`Pris en compte par ${args.byName} (${args.channel === "PHONE" ? "relecture au téléphone" : "dans l'application"})`);
}

export function escalatedReason(args: { ackMinutes: number }): string {
  return `Non pris en compte dans le délai de ${args.ackMinutes} min : médecins du site et chef de service alertés`;
}

/** Escalation's audience: the site's referring physicians (no physician rota yet) and every head. Never twice. */
export function criticalEscalationRecipients(args: { siteReferrerIds: readonly string[]; headIds: readonly string[] }): string[] {
  return [...new Set([...args.siteReferrerIds, ...args.headIds])];
}

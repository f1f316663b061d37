import { isOpen } from "../request-state-machine";
import type { RequestStatus } from "../enums";

// A request nobody has taken within its priority's target climbs a ladder: level 1 tells the
// backups on call for the site, level 2 every radiologist allowed to read for it (the whole
// territory). Department heads are told at every level: their board shows escalationLevel > 0.

export const MAX_ESCALATION_LEVEL = 2;

export interface EscalationAudience {
  backupsOnCall: boolean;
  allSiteReaders: boolean;
  departmentHeads: true;
}

export function escalationAudience(level: number): EscalationAudience {
  return { backupsOnCall: level >= 1, allSiteReaders: level >= 2, departmentHeads: true };
}

export function isValidEscalationLevel(level: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= MAX_ESCALATION_LEVEL;
}

/** The level the next check escalates to after `level`, or null at the top of the ladder. */
export function nextEscalationLevel(level: number): number | null {
  return level < MAX_ESCALATION_LEVEL ? level + 1 : null;
}

export type EscalationSkip = "CLOSED" | "TAKEN" | "ALREADY_ESCALATED" | "INVALID_LEVEL";

export interface EscalationSubject {
  status: RequestStatus;
  holderId: string | null;
  holdAcknowledgedAt: Date | null;
  escalationLevel: number;
}

/**
 * A request is taken once it is claimed, taken over, or its assignment acknowledged: an
 * automatic assignment or a handover nobody acknowledged still escalates.
 */
export function isTaken(subject: Pick<EscalationSubject, "holderId" | "holdAcknowledgedAt">): boolean {
  return subject.holderId !== null && subject.holdAcknowledgedAt !== null;
}

/** Why escalating `subject` to `level` now would be wrong, or null when it is due. */
export function escalationSkip(subject: EscalationSubject, level: number): EscalationSkip | null {
  if (!isValidEscalationLevel(level)) return "INVALID_LEVEL";
  if (!isOpen(subject.status)) return "CLOSED";
  if (isTaken(subject)) return "TAKEN";
  if (subject.escalationLevel >= level) return "ALREADY_ESCALATED";
  return null;
}

export function escalationSentence(level: number, locale: "fr" | "en"): string {
  if (locale === "en") {
    return level >= 2
      ? `Not taken within target: escalated to level ${level} (every radiologist reading for the site and the department head).`
      : `Not taken within target: escalated to level ${level} (backup on call and the department head).`;
  }
  return level >= 2
    ? `Non prise en charge dans le délai : escalade au niveau ${level} (tous les radiologues habilités pour le site et le chef de service).`
    : `Non prise en charge dans le délai : escalade au niveau ${level} (radiologue de renfort d'astreinte et chef de service).`;
}

import type { Actor } from "../access";

// Turnaround figures, the live board and their exports are the department head's: they name
// radiologists and compare them, which is a management act (issue 7, fairness and privacy).

export function canOpenDashboards(actor: Actor): boolean {
  return actor.role === "DEPARTMENT_HEAD";
}

/** Per-radiologist figures (breakdown, filter, exports): the department head only. */
export function canSeeRadiologistFigures(actor: Actor): boolean {
  return actor.role === "DEPARTMENT_HEAD";
}

import "server-only";
import { TERRITORY_TIME_ZONE } from "./history-arrivals";
import { ESCALATE_AFTER_S, EXAM_KINDS, STEP_MEDIANS_S, STEP_SIGMAS } from "./history-request-model";
import { BACKUP_POOL, onCallIndexSql, radiologistIdSql, slotHeadcountSql, slotOfSql } from "./history-rota";
import { numberArray, type Rng } from "./history-sql";
import { HISTORY_SITES } from "./history-territory-model";

// Pieces shared by the plans of closed and open requests. A plan is a temporary table,
// hist_plan, with one row per request: who, what, and the instant of each step of its
// timeline (null when the step did not happen). history-insert.ts turns it into rows.

export type Step = keyof typeof STEP_MEDIANS_S;

/** A step's duration in seconds for priority column `pr` (1..3), from normal deviate `z`. */
export function stepSeconds(step: Step, z: string, slowdown = "1"): string {
  return `((${numberArray(STEP_MEDIANS_S[step])})[pr] * (${slowdown}) * exp(${STEP_SIGMAS[step]} * ${z}))`;
}

/** Exam kinds read slower or faster than the median (by télédiagnostic kind; téléexpertise 1.3). */
export function readFactorSql(): string {
  return `(CASE WHEN te THEN 1.3 ELSE (${numberArray(EXAM_KINDS.map((kind) => kind.readFactor))})[ek] END)`;
}

/** Whether an instant is in the night (22:00-07:00 local), when the human steps are slower. */
export function isNightSql(instant: string): string {
  return `(extract(hour FROM (${instant}) AT TIME ZONE '${TERRITORY_TIME_ZONE}') NOT BETWEEN 7 AND 21)`;
}

/** Seconds after which a request not taken escalates, for priority column `pr`. */
export function escalateAfterSql(escalateAfterS: readonly number[] = ESCALATE_AFTER_S): string {
  return `(${numberArray(escalateAfterS)})[pr]`;
}

/** Escalation level from how long the request waited before being taken. */
export function escalationLevelSql(waitedS: string, escalateAfterS: readonly number[]): string {
  const after = escalateAfterSql(escalateAfterS);
  return `(CASE WHEN (${waitedS}) > 2 * ${after} THEN 2 WHEN (${waitedS}) > ${after} THEN 1 ELSE 0 END)`;
}

export function siteIdSql(rng: Rng, site = "s"): string {
  return rng.uuid("'site'", site);
}

/** The site's agreement (its pool of radiologists). */
export function agreementOfSql(site = "s"): string {
  return `(ARRAY[${HISTORY_SITES.map((s) => s.agreement).join(", ")}])[(${site}) + 1]`;
}

export function informsPatientSql(site = "s"): string {
  return `(ARRAY[${HISTORY_SITES.map((s) => String(s.informsPatient)).join(", ")}]::boolean[])[(${site}) + 1]`;
}

/** One of the site's referrers (or radiographers), from a uniform. */
export function siteStaffIdSql(rng: Rng, kind: "ref" | "mer", u: string, site = "s"): string {
  const counts = HISTORY_SITES.map((s) => (kind === "ref" ? s.referrers : s.radiographers));
  return rng.uuid(`'${kind}'`, site, `floor((${u}) * (ARRAY[${counts.join(", ")}])[(${site}) + 1])::int`);
}

/**
 * The radiologist who took the request at `instant`: one of the agreement's radiologists on
 * call then, or the territory's backup on call when the request had escalated.
 */
export function readerIdSql(rng: Rng, instant: string, escalated: string, uPick: string): string {
  const slot = slotOfSql(instant);
  const ownPool = onCallIndexSql(rng, "g", slot.dayNumber, slot.kind, `floor((${uPick}) * ${slotHeadcountSql(slot.kind, slot.isoWeekday)})::int`);
  const backup = onCallIndexSql(rng, String(BACKUP_POOL), slot.dayNumber, slot.kind, "0");
  return `(CASE WHEN (${escalated}) THEN ${radiologistIdSql(rng, String(BACKUP_POOL), backup)} ELSE ${radiologistIdSql(rng, "g", ownPool)} END)`;
}

/** The plan's columns, in order (history-insert.ts reads them by name). */
export const PLAN_COLUMNS = `
  k bigint, id uuid, t0 timestamptz, s int, te boolean, pr int, ek int,
  decision text, cancel_from text, u_reason float8,
  requester uuid, radiographer uuid, reader uuid, holder uuid, esc int, t_esc1 timestamptz, t_esc2 timestamptz,
  tc timestamptz, t_ask timestamptz, t_answer timestamptz, td timestamptz, tp timestamptz, t_informed timestamptz,
  tx timestamptz, ti timestamptz, tk timestamptz, tr timestamptz, ts timestamptz, t_open timestamptz, ta timestamptz,
  t_release timestamptz`;

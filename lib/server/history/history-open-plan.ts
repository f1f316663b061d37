import "server-only";
import {
  EXAM_KINDS,
  EXPERTISE_KINDS,
  FATE_SHARES,
  OPEN_AGE_MEDIANS_S,
  OPEN_AGE_SIGMA,
  OPEN_HELD_SHARE,
  OPEN_MAX_AGE_S,
  OPEN_PRIORITY_MIX,
  OPEN_TELEDIAGNOSTIC_STATUS_MIX,
  OPEN_TELEEXPERTISE_STATUS_MIX,
  TELEEXPERTISE_SHARE,
} from "./history-request-model";
import { agreementOfSql, escalateAfterSql, escalationLevelSql, informsPatientSql, readerIdSql, siteStaffIdSql, stepSeconds } from "./history-plan-common";
import { numberArray, weightedPick, type Rng } from "./history-sql";
import { HISTORY_SITES } from "./history-territory-model";

// The plan of the requests still open at `end`: the live board's backlog. Each gets a status
// (st: 1 submitted ... 6 in reading), an age, and the steps up to that status squeezed into
// its age. Some are held by the radiologist who took them, the others were released to the
// pool or never taken; those left waiting past their priority's delay escalated.

/** Random keys of open requests never meet those of the year's requests. */
export const OPEN_KEY_OFFSET = 1_000_000_000_000;

export function openPlanSql(rng: Rng, escalateAfterS: readonly number[]): string {
  const u = (stream: number) => rng.uniform("k", stream);
  const z = (stream: number) => rng.normal("k", stream);
  const sec = "interval '1 second'";
  const at = (offset: string) => `(t0 + f * (${offset}) * ${sec})`;
  const ages = OPEN_AGE_MEDIANS_S.flat();
  const td = "(NOT te AND st >= 2)";
  const lastReached = `(CASE st WHEN 1 THEN (CASE WHEN held THEN o_c ELSE 0 END) WHEN 2 THEN o_d WHEN 3 THEN o_p WHEN 4 THEN o_i WHEN 5 THEN o_k ELSE o_r END)`;
  return `
INSERT INTO hist_plan
SELECT k, ${rng.uuid("'request'", "k")}, t0, s, te, pr, ek,
       CASE WHEN ${td} THEN (CASE WHEN u_fate < ${FATE_SHARES.modified} THEN 'INDICATION_MODIFIED' ELSE 'INDICATION_ACCEPTED' END) END,
       NULL, u_reason, requester, radiographer, reader, CASE WHEN held THEN reader END, esc,
       CASE WHEN esc >= 1 THEN t0 + ${escalateAfterSql(escalateAfterS)} * ${sec} END,
       CASE WHEN esc >= 2 THEN t0 + 2 * ${escalateAfterSql(escalateAfterS)} * ${sec} END,
       tc, NULL, NULL, td, tp, t_informed, NULL, ti, tk, tr, NULL, NULL, NULL,
       CASE WHEN NOT held AND tc IS NOT NULL THEN t_last + 0.2 * ($1::timestamptz - t_last) END
FROM (
  SELECT *, CASE WHEN tc IS NOT NULL THEN ${readerIdSql(rng, "tc", "esc > 0", "u_rad")} END AS reader,
         greatest(tc, td, tp, t_informed, ti, tk, tr) AS t_last
  FROM (
    SELECT *,
           ${escalationLevelSql("CASE WHEN st = 1 AND NOT held THEN age ELSE f * o_c END", escalateAfterS)} AS esc,
           CASE WHEN st > 1 OR held THEN ${at("o_c")} END AS tc,
           CASE WHEN ${td} THEN ${at("o_d")} END AS td,
           CASE WHEN NOT te AND st >= 3 THEN ${at("o_p")} END AS tp,
           CASE WHEN NOT te AND ${informsPatientSql()} AND st >= 4 THEN ${at("o_p + 0.4 * (o_i - o_p)")}
                WHEN NOT te AND ${informsPatientSql()} AND st = 3 AND u_informed < 0.5 THEN ${at("o_p")} + 0.5 * (age - f * o_p) * ${sec} END AS t_informed,
           CASE WHEN NOT te AND st >= 4 THEN ${at("o_i")} END AS ti,
           CASE WHEN NOT te AND st >= 5 THEN ${at("o_k")} END AS tk,
           CASE WHEN st = 6 THEN ${at("o_r")} END AS tr
    FROM (
      SELECT *, least(1.0, 0.97 * age / greatest(${lastReached}, 0.001)) AS f
      FROM (
        SELECT *,
               d_c AS o_c, d_c + d_d AS o_d, d_c + d_d + d_p AS o_p, d_c + d_d + d_p + d_i AS o_i,
               d_c + d_d + d_p + d_i + d_k AS o_k,
               CASE WHEN te THEN d_c + d_e ELSE d_c + d_d + d_p + d_i + d_k + d_r END AS o_r
        FROM (
          SELECT *,
                 $1::timestamptz - age * ${sec} AS t0,
                 ${stepSeconds("claim", "z_claim")} AS d_c, ${stepSeconds("decide", "z_decide")} AS d_d,
                 ${stepSeconds("protocol", "z_protocol")} AS d_p, ${stepSeconds("acquisition", "z_acq")} AS d_i,
                 ${stepSeconds("completion", "z_completion")} AS d_k, ${stepSeconds("toReading", "z_to_read")} AS d_r,
                 ${stepSeconds("expertiseToReading", "z_to_read")} AS d_e,
                 CASE WHEN st = 6 THEN true WHEN st = 1 THEN u_hold < ${OPEN_HELD_SHARE.submitted} ELSE u_hold < ${OPEN_HELD_SHARE.decided} END AS held
          FROM (
            SELECT *,
                   least(${OPEN_MAX_AGE_S}, (${numberArray(ages)})[(st - 1) * 3 + pr] * exp(${OPEN_AGE_SIGMA} * z_age)) AS age,
                   ${agreementOfSql()} AS g,
                   CASE WHEN te THEN 1 + floor(u_kind * ${EXPERTISE_KINDS.length})::int
                        WHEN pr = 1 THEN ${weightedPick("u_kind", EXAM_KINDS.map((kind) => kind.weights[0]))}
                        ELSE ${weightedPick("u_kind", EXAM_KINDS.map((kind) => kind.weights[1]))} END AS ek,
                   ${siteStaffIdSql(rng, "ref", "u_ref")} AS requester,
                   ${siteStaffIdSql(rng, "mer", "u_mer")} AS radiographer
            FROM (
              SELECT *,
                     CASE WHEN te THEN ${weightedPick("u_prio", [0, ...OPEN_PRIORITY_MIX.slice(1)])} ELSE ${weightedPick("u_prio", OPEN_PRIORITY_MIX)} END AS pr,
                     CASE WHEN te THEN ${weightedPick("u_status", OPEN_TELEEXPERTISE_STATUS_MIX)} ELSE ${weightedPick("u_status", OPEN_TELEDIAGNOSTIC_STATUS_MIX)} END AS st
              FROM (
                SELECT k, ${weightedPick(u(2), HISTORY_SITES.map((site) => site.weight))} - 1 AS s,
                       ${u(3)} < ${TELEEXPERTISE_SHARE} AS te,
                       ${u(4)} AS u_prio, ${u(5)} AS u_kind, ${u(6)} AS u_fate, ${u(8)} AS u_reason, ${u(10)} AS u_ref, ${u(11)} AS u_mer,
                       ${u(12)} AS u_rad, ${u(13)} AS u_status, ${u(14)} AS u_hold, ${u(15)} AS u_informed,
                       ${z(20)} AS z_claim, ${z(23)} AS z_decide, ${z(24)} AS z_protocol, ${z(25)} AS z_acq, ${z(26)} AS z_completion,
                       ${z(27)} AS z_to_read, ${z(31)} AS z_age
                  FROM generate_series(${OPEN_KEY_OFFSET}::bigint, ${OPEN_KEY_OFFSET}::bigint + $2::bigint - 1) AS k
              ) draws OFFSET 0
            ) kinds OFFSET 0
          ) aged OFFSET 0
        ) steps OFFSET 0
      ) offsets OFFSET 0
    ) scaled OFFSET 0
  ) timeline OFFSET 0
) readers`;
}

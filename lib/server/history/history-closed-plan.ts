import "server-only";
import { ACKNOWLEDGED_SHARE, EXAM_KINDS, EXPERTISE_KINDS, FATE_SHARES, TELEDIAGNOSTIC_PRIORITY_MIX, TELEEXPERTISE_PRIORITY_MIX, TELEEXPERTISE_SHARE } from "./history-request-model";
import { agreementOfSql, escalateAfterSql, escalationLevelSql, informsPatientSql, isNightSql, readFactorSql, readerIdSql, siteStaffIdSql, stepSeconds } from "./history-plan-common";
import { numberArray, weightedPick, type Rng } from "./history-sql";
import { HISTORY_SITES } from "./history-territory-model";

// The plan of requests [lo, hi) of the year: all finished by `end` (signed, refused or
// cancelled). Each nested SELECT ends with OFFSET 0 so PostgreSQL keeps it as a step of its
// own: without it the planner would inline the random columns into every use and hash again.

/** Fates of a télédiagnostic: 0 reported, 1 refused, 2 cancelled before the decision, 3 cancelled waiting for images, 4 modified. */
function fateSql(): string {
  const { refused, cancelled, modified } = FATE_SHARES;
  return `(CASE WHEN te THEN (CASE WHEN u_fate < ${cancelled} THEN 2 ELSE 0 END)
    WHEN u_fate < ${refused} THEN 1
    WHEN u_fate < ${refused + cancelled / 2} THEN 2
    WHEN u_fate < ${refused + cancelled} THEN 3
    WHEN u_fate < ${refused + cancelled + modified} THEN 4
    ELSE 0 END)`;
}

export function closedPlanSql(rng: Rng, escalateAfterS: readonly number[]): string {
  const u = (stream: number) => rng.uniform("i", stream);
  const z = (stream: number) => rng.normal("i", stream);
  const sec = "interval '1 second'";
  const at = (offset: string) => `(t0 + f * (${offset}) * ${sec})`;
  const reported = "(fate IN (0, 4))";
  return `
INSERT INTO hist_plan
SELECT i, ${rng.uuid("'request'", "i")}, t0, s, te, pr, ek,
       CASE WHEN NOT te AND fate <> 2 THEN (CASE fate WHEN 1 THEN 'INDICATION_REFUSED' WHEN 4 THEN 'INDICATION_MODIFIED' ELSE 'INDICATION_ACCEPTED' END) END,
       CASE fate WHEN 2 THEN 'SUBMITTED' WHEN 3 THEN 'PROTOCOL_SENT' END,
       u_reason, requester, radiographer,
       reader, reader AS holder, esc,
       CASE WHEN esc >= 1 THEN t0 + ${escalateAfterSql(escalateAfterS)} * ${sec} END,
       CASE WHEN esc >= 2 THEN t0 + 2 * ${escalateAfterSql(escalateAfterS)} * ${sec} END,
       tc, t_ask, t_answer, td, tp, t_informed, tx, ti, tk, tr, ts, t_open, ta, NULL::timestamptz
FROM (
 SELECT *, ${readerIdSql(rng, "tc", "esc > 0", "u_rad")} AS reader
 FROM (
  SELECT *,
         ${escalationLevelSql("f * o_c", escalateAfterS)} AS esc,
         ${at("o_c")} AS tc,
         CASE WHEN info THEN ${at("o_ask")} END AS t_ask,
         CASE WHEN info THEN ${at("o_answer")} END AS t_answer,
         CASE WHEN NOT te AND fate <> 2 THEN ${at("o_d")} END AS td,
         CASE WHEN NOT te AND fate IN (0, 3, 4) THEN ${at("o_p")} END AS tp,
         CASE WHEN NOT te AND fate IN (0, 3, 4) AND ${informsPatientSql()} THEN ${at("o_p + 0.4 * (o_i - o_p)")} END AS t_informed,
         CASE fate WHEN 2 THEN ${at("o_d")} WHEN 3 THEN ${at("o_p + 0.5 * (o_i - o_p)")} END AS tx,
         CASE WHEN NOT te AND ${reported} THEN ${at("o_i")} END AS ti,
         CASE WHEN NOT te AND ${reported} THEN ${at("o_k")} END AS tk,
         CASE WHEN ${reported} THEN ${at("o_r")} END AS tr,
         CASE WHEN ${reported} THEN ${at("o_s")} END AS ts,
         CASE WHEN ${reported} AND acknowledges AND ${at("o_s")} + (o_ack - o_s) * ${sec} < $3::timestamptz THEN ${at("o_s")} + (o_open - o_s) * ${sec} END AS t_open,
         CASE WHEN ${reported} AND acknowledges AND ${at("o_s")} + (o_ack - o_s) * ${sec} < $3::timestamptz THEN ${at("o_s")} + (o_ack - o_s) * ${sec} END AS ta
  FROM (
    SELECT *,
           least(1.0, greatest(extract(epoch FROM ($3::timestamptz - t0)) - 1, 0.001)
             / (CASE fate WHEN 1 THEN o_d WHEN 2 THEN o_d WHEN 3 THEN o_p + 0.5 * (o_i - o_p) ELSE o_s END)) AS f
    FROM (
      SELECT *,
             o_s + ${stepSeconds("toOpen", "z_open")} AS o_open,
             o_s + ${stepSeconds("toOpen", "z_open")} + ${stepSeconds("openToAck", "z_ack")} AS o_ack
      FROM (
        SELECT *, o_r + ${stepSeconds("reading", "z_read")} * ${readFactorSql()} AS o_s
        FROM (
          SELECT *,
                 CASE WHEN te THEN o_c + ${stepSeconds("expertiseToReading", "z_to_read", "nf")}
                      ELSE o_k + ${stepSeconds("toReading", "z_to_read", "nf")} END AS o_r
          FROM (
            SELECT *, o_i + ${stepSeconds("completion", "z_completion")} AS o_k
            FROM (
              SELECT *, o_p + ${stepSeconds("acquisition", "z_acq")} AS o_i
              FROM (
                SELECT *, o_d + ${stepSeconds("protocol", "z_protocol")} AS o_p
                FROM (
                  SELECT *, coalesce(o_answer, o_c) + ${stepSeconds("decide", "z_decide", "nf")} AS o_d
                  FROM (
                    SELECT *,
                           CASE WHEN info THEN o_c + 300 * exp(0.6 * z_ask) END AS o_ask,
                           CASE WHEN info THEN o_c + 300 * exp(0.6 * z_ask) + 1800 * exp(0.8 * z_answer) END AS o_answer
                    FROM (
                      SELECT *, ${stepSeconds("claim", "z_claim", "nf")} AS o_c,
                             ${fateSql()} AS fate,
                             NOT te AND u_info < ${FATE_SHARES.infoRequested} AS info,
                             u_ack < (${numberArray(ACKNOWLEDGED_SHARE)})[pr] AS acknowledges,
                             CASE WHEN te THEN 1 + floor(u_kind * ${EXPERTISE_KINDS.length})::int
                                  WHEN pr = 1 THEN ${weightedPick("u_kind", EXAM_KINDS.map((kind) => kind.weights[0]))}
                                  ELSE ${weightedPick("u_kind", EXAM_KINDS.map((kind) => kind.weights[1]))} END AS ek
                      FROM (
                        SELECT *,
                               CASE WHEN te THEN ${weightedPick("u_prio", TELEEXPERTISE_PRIORITY_MIX)} ELSE ${weightedPick("u_prio", TELEDIAGNOSTIC_PRIORITY_MIX)} END AS pr,
                               ${agreementOfSql()} AS g,
                               CASE WHEN ${isNightSql("t0")} THEN 1.35 ELSE 1.0 END AS nf,
                               ${siteStaffIdSql(rng, "ref", "u_ref")} AS requester,
                               ${siteStaffIdSql(rng, "mer", "u_mer")} AS radiographer
                        FROM (
                          SELECT i, t0,
                                 ${weightedPick(u(2), HISTORY_SITES.map((site) => site.weight))} - 1 AS s,
                                 ${u(3)} < ${TELEEXPERTISE_SHARE} AS te,
                                 ${u(4)} AS u_prio, ${u(5)} AS u_kind, ${u(6)} AS u_fate, ${u(7)} AS u_info, ${u(8)} AS u_reason,
                                 ${u(9)} AS u_ack, ${u(10)} AS u_ref, ${u(11)} AS u_mer, ${u(12)} AS u_rad,
                                 ${z(20)} AS z_claim, ${z(21)} AS z_ask, ${z(22)} AS z_answer, ${z(23)} AS z_decide, ${z(24)} AS z_protocol,
                                 ${z(25)} AS z_acq, ${z(26)} AS z_completion, ${z(27)} AS z_to_read, ${z(28)} AS z_read, ${z(29)} AS z_open, ${z(30)} AS z_ack
                          FROM (
                            SELECT i, h.ts + ((i - h.lo)::float8 + ${u(1)}) / (h.hi - h.lo) * interval '1 hour' AS t0
                              FROM hist_hours h, generate_series(greatest(h.lo, $1::bigint), least(h.hi, $2::bigint) - 1) AS i
                             WHERE h.hi > $1::bigint AND h.lo < $2::bigint AND h.hi > h.lo
                          ) arrivals OFFSET 0
                        ) draws OFFSET 0
                      ) who OFFSET 0
                    ) what OFFSET 0
                  ) info OFFSET 0
                ) decided OFFSET 0
              ) protocol OFFSET 0
            ) images OFFSET 0
          ) complete OFFSET 0
        ) reading OFFSET 0
      ) signed OFFSET 0
    ) opened OFFSET 0
  ) scaled OFFSET 0
 ) timeline OFFSET 0
) readers`;
}

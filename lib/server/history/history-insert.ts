import "server-only";
import type pg from "pg";
import { escalationSentence } from "@/lib/domain/assignment/escalation-ladder";
import { PLAN_COLUMNS, siteIdSql } from "./history-plan-common";
import { CANCEL_REASONS, EXAM_KINDS, EXPERTISE_KINDS, INFO_ANSWERS, INFO_QUESTIONS, MODIFIED_EXAMS, REFUSAL_REASONS } from "./history-request-model";
import { hashMod, literal, textArray, weightedPick, type Rng } from "./history-sql";
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, HISTORY_SITES, MALE_GIVEN_NAMES } from "./history-territory-model";

// Turns the plan (hist_plan) into ReadingRequest rows and their RequestEvent timelines, in the
// shapes the services write them (see the files named beside each event).

export async function createPlanTable(client: pg.ClientBase): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS hist_plan`);
  await client.query(`CREATE TEMP TABLE hist_plan (${PLAN_COLUMNS})`);
}

const pick = <T>(items: readonly T[], field: (item: T) => string, index: string) => `(${textArray(items.map(field))})[${index}]`;

/** The request's status after its last step. */
const STATUS_SQL = `(CASE
  WHEN p.ta IS NOT NULL THEN 'ACKNOWLEDGED'
  WHEN p.ts IS NOT NULL THEN 'DELIVERED'
  WHEN p.tx IS NOT NULL THEN 'CANCELLED'
  WHEN p.decision = 'INDICATION_REFUSED' THEN 'INDICATION_REFUSED'
  WHEN p.tr IS NOT NULL THEN 'IN_READING'
  WHEN p.tk IS NOT NULL THEN 'IMAGES_COMPLETE'
  WHEN p.ti IS NOT NULL THEN 'IMAGES_ARRIVING'
  WHEN p.tp IS NOT NULL THEN 'PROTOCOL_SENT'
  WHEN p.td IS NOT NULL THEN p.decision
  ELSE 'SUBMITTED' END)::"RequestStatus"`;

const STEP_TIMES = "p.t_esc1, p.t_esc2, p.tc, p.t_ask, p.t_answer, p.td, p.tp, p.t_informed, p.t_release, p.tx, p.ti, p.tk, p.tr, p.ts, p.t_open, p.ta";

export async function insertPlannedRequests(client: pg.ClientBase, rng: Rng): Promise<number> {
  const u = (stream: number) => rng.uniform("p.k", stream);
  const exam = (field: (kind: (typeof EXAM_KINDS)[number]) => string, expertise: (kind: (typeof EXPERTISE_KINDS)[number]) => string) =>
    `(CASE WHEN p.te THEN ${pick(EXPERTISE_KINDS, expertise, "p.ek")} ELSE ${pick(EXAM_KINDS, field, "p.ek")} END)`;
  const modified = (field: (m: (typeof MODIFIED_EXAMS)[number]) => string) => pick(MODIFIED_EXAMS, field, `1 + floor(p.u_reason * ${MODIFIED_EXAMS.length})::int`);
  const contrastKinds = `ARRAY[${EXAM_KINDS.map((kind) => String(kind.contrast)).join(", ")}]::boolean[]`;
  const result = await client.query(`
INSERT INTO "ReadingRequest" ("id", "siteId", "requesterId", "idempotencyKey", "payloadHash", "type", "priority", "status",
  "patientFamilyName", "patientGivenName", "patientBirthDate", "patientSex", "sitePatientId", "patientIns",
  "modality", "bodyRegion", "clinicalContext", "clinicalQuestion", "expertQuestion",
  "renalFunction", "egfr", "contrastAllergy", "pregnancy", "metformin", "siteAccessionNumber",
  "proposedExam", "protocolText", "contrastInjection", "patientInformedAt", "patientInformedById",
  "holderId", "claimedAt", "holdKind", "holdAcknowledgedAt", "escalationLevel", "escalatedAt",
  "submittedAt", "updatedAt", "version", "readingStartedAt", "reportFirstOpenedAt")
SELECT p.id, ${siteIdSql(rng, "p.s")}, p.requester, ${rng.uuid("'idempotency'", "p.k")}::text,
       encode(sha256(convert_to(p.id::text, 'UTF8')), 'hex'),
       (CASE WHEN p.te THEN 'TELEEXPERTISE' ELSE 'TELEDIAGNOSTIC' END)::"RequestType",
       (ARRAY['VITAL', 'URGENT', 'ROUTINE'])[p.pr]::"Priority",
       ${STATUS_SQL},
       ${pick(FAMILY_NAMES, (n) => n, `1 + floor(${u(40)} * ${FAMILY_NAMES.length})::int`)},
       CASE WHEN p.sex = 'FEMALE' THEN ${pick(FEMALE_GIVEN_NAMES, (n) => n, `1 + floor(${u(41)} * ${FEMALE_GIVEN_NAMES.length})::int`)}
            ELSE ${pick(MALE_GIVEN_NAMES, (n) => n, `1 + floor(${u(41)} * ${MALE_GIVEN_NAMES.length})::int`)} END,
       p.birth, p.sex::"Sex", 'IPP' || lpad(${hashMod(rng.hash("p.k", 42), 1_000_000_000)}::text, 9, '0'),
       CASE WHEN ${u(43)} < 0.6 THEN p.nir || lpad((97 - p.nir::bigint % 97)::text, 2, '0') END,
       ${exam((k) => k.modality, (k) => k.modality)}::"Modality",
       ${exam((k) => k.bodyRegion, (k) => k.bodyRegion)},
       ${exam((k) => k.context, (k) => k.context)},
       ${exam((k) => k.question, (k) => k.question)},
       CASE WHEN p.te THEN ${pick(EXPERTISE_KINDS, (k) => k.expertQuestion, "p.ek")} END,
       CASE WHEN NOT p.te THEN p.renal::"RenalFunction" END,
       CASE WHEN NOT p.te THEN (CASE p.renal WHEN 'NORMAL' THEN 70 + floor(${u(45)} * 40) WHEN 'IMPAIRED' THEN 30 + floor(${u(45)} * 29) WHEN 'SEVERELY_IMPAIRED' THEN 10 + floor(${u(45)} * 19) END)::int END,
       CASE WHEN NOT p.te THEN (CASE WHEN ${u(46)} < 0.04 THEN 'YES' WHEN ${u(46)} < 0.9 THEN 'NO' ELSE 'UNKNOWN' END)::"YesNoUnknown" END,
       CASE WHEN NOT p.te THEN (CASE WHEN p.sex <> 'FEMALE' OR p.age > 55 OR p.age < 12 THEN 'NOT_APPLICABLE' WHEN ${u(47)} < 0.04 THEN 'POSSIBLE' ELSE 'NOT_PREGNANT' END)::"PregnancyStatus" END,
       CASE WHEN NOT p.te THEN (CASE WHEN ${u(48)} < 0.08 THEN 'YES' ELSE 'NO' END)::"YesNoUnknown" END,
       CASE WHEN ${u(49)} < 0.6 THEN 'R' || lpad(${hashMod(rng.hash("p.k", 50), 1_000_000_000)}::text, 9, '0') END,
       CASE WHEN p.decision = 'INDICATION_MODIFIED' THEN ${modified((m) => m.proposedExam)} END,
       CASE WHEN p.tp IS NOT NULL THEN (CASE WHEN p.decision = 'INDICATION_MODIFIED' THEN ${modified((m) => m.proposedExam)} ELSE ${pick(EXAM_KINDS, (k) => k.protocol, "p.ek")} END) END,
       CASE WHEN p.tp IS NOT NULL THEN p.decision <> 'INDICATION_MODIFIED' AND (${contrastKinds})[p.ek] END,
       p.t_informed, CASE WHEN p.t_informed IS NOT NULL THEN p.radiographer END,
       p.holder, CASE WHEN p.holder IS NOT NULL THEN p.tc END, CASE WHEN p.holder IS NOT NULL THEN 'CLAIMED'::"HoldKind" END,
       CASE WHEN p.holder IS NOT NULL THEN p.tc END,
       p.esc, coalesce(p.t_esc2, p.t_esc1),
       p.t0, greatest(p.t0, ${STEP_TIMES}), 1 + num_nonnulls(${STEP_TIMES}), p.tr, p.t_open
FROM (
  SELECT p.*, patient.*,
         extract(year FROM age(p.t0::date, patient.birth))::int AS age,
         (CASE WHEN patient.sex = 'FEMALE' THEN '2' ELSE '1' END) || to_char(patient.birth, 'YYMM')
           || lpad((1 + p.s * 7 % 95)::text, 2, '0') || lpad((1 + ${hashMod(rng.hash("p.k", 51), 999)})::text, 3, '0')
           || lpad((1 + ${hashMod(rng.hash("p.k", 52), 999)})::text, 3, '0') AS nir,
         CASE WHEN ${u(53)} < 0.86 THEN 'NORMAL' WHEN ${u(53)} < 0.93 THEN 'IMPAIRED' WHEN ${u(53)} < 0.95 THEN 'SEVERELY_IMPAIRED' ELSE 'UNKNOWN' END AS renal
    FROM hist_plan p,
         LATERAL (
           SELECT CASE WHEN ${u(54)} < 0.505 THEN 'FEMALE' WHEN ${u(54)} < 0.997 THEN 'MALE' ELSE 'UNKNOWN' END AS sex,
                  ((p.t0 AT TIME ZONE 'Europe/Paris')::date
                    - (365.25 * (CASE WHEN ${u(55)} < 0.05 THEN floor(${u(56)} * 16) ELSE least(101, greatest(16, round(64 + 19 * ${rng.normal("p.k", 57)}))) END)
                       + floor(${u(58)} * 365))::int) AS birth
           OFFSET 0
         ) patient
  OFFSET 0
) p`);
  return result.rowCount ?? 0;
}

const weighted = (items: readonly { reason: string; weight: number }[]) =>
  `(${textArray(items.map((item) => item.reason))})[${weightedPick("p.u_reason", items.map((item) => item.weight))}]`;

export async function insertPlannedEvents(client: pg.ClientBase): Promise<number> {
  const decisionReason = `(CASE p.decision WHEN 'INDICATION_REFUSED' THEN ${weighted(REFUSAL_REASONS)}
    WHEN 'INDICATION_MODIFIED' THEN ${pick(MODIFIED_EXAMS, (m) => m.reason, `1 + floor(p.u_reason * ${MODIFIED_EXAMS.length})::int`)} END)`;
  const infoIndex = `1 + floor(p.u_reason * ${INFO_QUESTIONS.length})::int`;
  const pacs = `'PACS ' || (${textArray(HISTORY_SITES.map((site) => site.code))})[p.s + 1]`;
  const result = await client.query(`
INSERT INTO "RequestEvent" ("requestId", "actorId", "actorLabel", "type", "fromStatus", "toStatus", "reason", "at")
SELECT p.id, e.actor, e.label, e.type::"EventType", e.from_status::"RequestStatus", e.to_status::"RequestStatus", e.reason, e.at
  FROM hist_plan p
 CROSS JOIN LATERAL (VALUES
   -- submit-request.ts
   (1, p.requester, NULL::text, 'SUBMITTED', NULL::text, 'SUBMITTED', NULL::text, p.t0),
   -- escalate-request.ts (no actor: the escalation job)
   (2, NULL::uuid, NULL, 'ESCALATED', NULL, NULL, ${literal(escalationSentence(1, "fr"))}, p.t_esc1),
   (3, NULL::uuid, NULL, 'ESCALATED', NULL, NULL, ${literal(escalationSentence(2, "fr"))}, p.t_esc2),
   -- claim-request.ts
   (4, p.reader, NULL, 'CLAIMED', NULL, NULL, NULL, p.tc),
   -- decide-indication.ts and provide-information.ts, through transition-in-tx.ts
   (5, p.reader, NULL, 'STATUS_CHANGED', 'SUBMITTED', 'INFO_REQUESTED', (${textArray(INFO_QUESTIONS)})[${infoIndex}], p.t_ask),
   (6, p.requester, NULL, 'STATUS_CHANGED', 'INFO_REQUESTED', 'SUBMITTED', (${textArray(INFO_ANSWERS)})[${infoIndex}], p.t_answer),
   (7, p.reader, NULL, 'STATUS_CHANGED', 'SUBMITTED', p.decision, ${decisionReason}, p.td),
   -- send-protocol.ts, record-patient-informed.ts, release-request.ts
   (8, p.reader, NULL, 'STATUS_CHANGED', p.decision, 'PROTOCOL_SENT', NULL, p.tp),
   (9, p.radiographer, NULL, 'PATIENT_INFORMED', NULL, NULL, NULL, p.t_informed),
   (10, p.reader, NULL, 'RELEASED', NULL, NULL, NULL, p.t_release),
   -- cancel-request.ts (the requester)
   (11, p.requester, NULL, 'STATUS_CHANGED', p.cancel_from, 'CANCELLED', ${weighted(CANCEL_REASONS)}, p.tx),
   -- request-image-milestone.ts: the site's PACS sends, then completion after a quiet delay
   (12, NULL::uuid, ${pacs}, 'IMAGES_RECEIVED', 'PROTOCOL_SENT', 'IMAGES_ARRIVING', NULL, p.ti),
   (13, NULL::uuid, NULL, 'IMAGES_COMPLETE', 'IMAGES_ARRIVING', 'IMAGES_COMPLETE', 'no new image for 120 s', p.tk),
   -- start-reading.ts, then sign-report.ts + deliver-signed-version.ts (SIGN and DELIVER at once)
   (14, p.reader, NULL, 'STATUS_CHANGED', CASE WHEN p.te THEN 'SUBMITTED' ELSE 'IMAGES_COMPLETE' END, 'IN_READING', NULL, p.tr),
   (15, p.reader, NULL, 'STATUS_CHANGED', 'IN_READING', 'SIGNED', NULL, p.ts),
   (16, p.reader, NULL, 'STATUS_CHANGED', 'SIGNED', 'DELIVERED', NULL, p.ts),
   -- open-report.ts and acknowledge-report.ts (the requester)
   (17, p.requester, NULL, 'REPORT_OPENED', NULL, NULL, 'v0', p.t_open),
   (18, p.requester, NULL, 'STATUS_CHANGED', 'DELIVERED', 'ACKNOWLEDGED', NULL, p.ta)
 ) AS e(seq, actor, label, type, from_status, to_status, reason, at)
 WHERE e.at IS NOT NULL
 ORDER BY e.at, p.k, e.seq`);
  return result.rowCount ?? 0;
}

import "server-only";
import type { Priority } from "@/lib/domain/enums";
import { ageBucketCutoffs, AGE_BUCKETS } from "@/lib/domain/operations/age-buckets";
import type { BacklogGroup } from "@/lib/domain/operations/backlog";
import type { RiskFrontier } from "@/lib/domain/operations/next-board-change";
import { riskCutoffs } from "@/lib/domain/operations/turnaround-risk";
import { PRIORITIES } from "@/lib/domain/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../../db/client";
import { OPEN_REQUEST, utcInstant } from "./board-sql";

interface GroupRow extends Omit<BacklogGroup, "bucket"> {
  bucket: number;
  oldestNotAtRisk: Date | null;
  oldestAtRiskNotLate: Date | null;
}

/** Per priority, the target and the submission cutoffs of the at-risk and late rules at `now`. */
export function priorityCutoffs(targets: Record<Priority, number>, now: Date): Prisma.Sql {
  return Prisma.join(
    PRIORITIES.map((priority) => {
      const { atRiskFrom, lateBefore } = riskCutoffs(targets[priority], now);
      return Prisma.sql`(${priority}::"Priority", ${targets[priority]}::int, ${utcInstant(atRiskFrom)}, ${utcInstant(lateBefore)})`;
    }),
  );
}

/**
 * The open requests counted by status x priority x age band, with how many are unassigned,
 * escalated, at risk and late: at most 8 x 3 x 5 rows whatever the backlog. It also gives,
 * per priority, the oldest request about to cross a risk threshold (the board's next change).
 * The age bands and risk cutoffs are the domain's rules turned into submission instants.
 */
export async function queryBacklog(db: Db, targets: Record<Priority, number>, now: Date): Promise<{ groups: BacklogGroup[]; frontiers: RiskFrontier[] }> {
  const [c0, c1, c2, c3] = ageBucketCutoffs(now).map(utcInstant);
  const rows = await db.$queryRaw<GroupRow[]>`
    SELECT r."status"::text AS "status", r."priority"::text AS "priority",
      CASE WHEN r."submittedAt" > ${c0} THEN 0 WHEN r."submittedAt" > ${c1} THEN 1
           WHEN r."submittedAt" > ${c2} THEN 2 WHEN r."submittedAt" > ${c3} THEN 3 ELSE 4 END AS "bucket",
      count(*)::int AS "total",
      (count(*) FILTER (WHERE r."holderId" IS NULL))::int AS "unassigned",
      (count(*) FILTER (WHERE r."escalationLevel" > 0))::int AS "escalated",
      (count(*) FILTER (WHERE r."submittedAt" <= c."atRiskFrom"))::int AS "atRisk",
      (count(*) FILTER (WHERE r."submittedAt" < c."lateBefore"))::int AS "late",
      min(r."submittedAt") FILTER (WHERE r."submittedAt" > c."atRiskFrom") AS "oldestNotAtRisk",
      min(r."submittedAt") FILTER (WHERE r."submittedAt" <= c."atRiskFrom" AND r."submittedAt" >= c."lateBefore") AS "oldestAtRiskNotLate"
    FROM "ReadingRequest" r
    JOIN (VALUES ${priorityCutoffs(targets, now)}) AS c("priority", "targetS", "atRiskFrom", "lateBefore") ON c."priority" = r."priority"
    WHERE ${OPEN_REQUEST}
    GROUP BY 1, 2, 3`;

  const groups = rows.map(({ oldestNotAtRisk: _a, oldestAtRiskNotLate: _b, bucket, ...row }) => ({ ...row, bucket: AGE_BUCKETS[bucket] ?? "OVER_24H" }));
  const frontiers = PRIORITIES.map((priority): RiskFrontier => {
    const mine = rows.filter((row) => row.priority === priority);
    return { targetS: targets[priority], oldestNotAtRisk: earliest(mine.map((row) => row.oldestNotAtRisk)), oldestAtRiskNotLate: earliest(mine.map((row) => row.oldestAtRiskNotLate)) };
  });
  return { groups, frontiers };
}

function earliest(instants: readonly (Date | null)[]): Date | null {
  let first: Date | null = null;
  for (const at of instants) if (at && (!first || at.getTime() < first.getTime())) first = at;
  return first;
}
